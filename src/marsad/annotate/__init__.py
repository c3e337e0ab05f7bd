"""Annotators: small callables Article -> Article, listed in `pipeline`."""
