"""What a run tells: the report file and summary, checksums, ``scan``/``explain``, ``--annotate``."""
