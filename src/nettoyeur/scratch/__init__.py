"""The run's scratch files: documents, paragraph texts and line shapes kept on disk between passes."""
