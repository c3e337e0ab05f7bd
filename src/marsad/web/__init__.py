"""marsad's web layer: the FastAPI app (JSON API + Arabic RTL pages) over a corpus."""
