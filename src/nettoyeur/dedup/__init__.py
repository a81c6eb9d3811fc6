"""Near-duplicate paragraphs: shingles, MinHash, LSH candidates, verification, clusters, the kept copy."""
