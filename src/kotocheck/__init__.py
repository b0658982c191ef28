"""kotocheck: check a Finnish municipality's integration programme against the checklist and the law."""

__version__ = "0.1.0"
