"""Where the work runs: a process pool on this machine or tasks on a Ray cluster."""
