"""Trainable sequence taggers over corpus records, one fit/predict/save/load interface: CRF, spaCy NER, transformers."""
