"""news-dossier: news articles in, a trustworthy static report site out."""

__version__ = "0.1.0"
