"""storyline: follow developing news stories across outlets."""

__version__ = "0.1.0"
