"""marsad (مرصد): offline analysis of Arabic news articles."""
from .article import Article, SCHEMA_VERSION

__version__ = "0.1.0"


def analyze(*args, **kwargs):
    """See `marsad.analysis.analyze` (imported lazily to keep `import marsad` light)."""
    from .analysis import analyze as _analyze

    return _analyze(*args, **kwargs)


__all__ = ["Article", "SCHEMA_VERSION", "analyze", "__version__"]
