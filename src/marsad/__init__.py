"""marsad (مرصد): offline analysis of Arabic news articles."""
from .article import ARTICLE_SCHEMA_VERSION as SCHEMA_VERSION, Article

__version__ = "0.1.0"


def analyze(*args, **kwargs):
    """See `marsad.analysis.analyze` (imported lazily to keep `import marsad` light)."""
    from .analysis import analyze as _analyze

    return _analyze(*args, **kwargs)


def __getattr__(name):
    # `marsad.Corpus` is imported on first use so `import marsad` stays light
    if name == "Corpus":
        from .corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")


__all__ = ["Article", "Corpus", "SCHEMA_VERSION", "analyze", "__version__"]
