"""Sources and sinks: input folders, record formats and their shards, atomic writes, the journal, the run lock."""
