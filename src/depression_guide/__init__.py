"""depression-guide: a terminal decision aid for depression treatment options."""

__version__ = "0.1.0"
