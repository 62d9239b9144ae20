"""Clinical entities: lexicon matcher, ConText-style assertions, note sections, trainable taggers."""
