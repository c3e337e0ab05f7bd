"""Topic classification: corpus readers, outlet-scrubbing features, training (sklearn) and the shipped linear model."""
