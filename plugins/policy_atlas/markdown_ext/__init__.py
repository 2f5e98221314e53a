"""Python-Markdown extension for clause tags."""
