"""Boilerplate: line shapes, corpus-wide line counts, the rule tables, the marking, the re-mark after dedup."""
