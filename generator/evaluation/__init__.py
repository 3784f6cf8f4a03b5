"""`dossier eval`: analyse a gold JSONL task file (`runner`) and score it (`tasks`, on the
matching and P/R/F1 primitives of `metrics`)."""
