"""Corpora: the standard record, converters, public-corpus loaders, validate, stats, split."""
