"""Vietnamese text: offset-keeping normalization, accent folding, legacy encodings, tokenization, word segmentation, sentences, abbreviations."""
