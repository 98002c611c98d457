"""digest: a static-site generator for briefing digests, running inside MkDocs."""

__version__ = "0.1.0"
