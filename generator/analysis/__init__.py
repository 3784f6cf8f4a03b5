"""Analysis: load the spaCy model (`nlp`), run the extractors over parsed articles
(`analyze`), spread the work over processes or a Dask cluster (`batches`, `parallel`, `cluster`),
and collect a folder's reports through the report cache (`collect`, `cache`, `lock`)."""
