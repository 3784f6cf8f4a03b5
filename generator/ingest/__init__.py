"""Ingest: article files (`files`), saved web pages (`webpage`), fetching (`fetch`) and
`dossier add` (`add`) turn what a user gives into `model.Article` objects."""
