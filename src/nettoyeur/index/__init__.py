"""Dedup against earlier corpora: the corpus index, its keys and its folder and Redis stores."""
