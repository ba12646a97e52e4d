"""Drawing documents: terminal (rich), plain text, Markdown, HTML; reference exports."""
