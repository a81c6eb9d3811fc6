"""Text of one document: decode bytes, repair mojibake, split into lines and paragraphs; function-word lexicons."""
