"""Trained models shipped with marsad (each folder has a MODEL_CARD.md)."""
