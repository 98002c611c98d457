"""Text helpers below both readers and enrichers: dates in text, publication lines, plain text of
Markdown, summaries and reading time. They import nothing of digest but the article model."""
