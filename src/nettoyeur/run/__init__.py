"""A run: the streaming passes over batches, the driver and its plan of verdicts, the in-memory run."""
