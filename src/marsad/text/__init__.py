"""Text-level analysis shared by keywords, summary, topics and near-duplicates."""
