"""De-identification: PHI recognizers (patterns, validators, gazetteers, names, model) and operators (tags, masks, surrogates, vault, audit)."""
