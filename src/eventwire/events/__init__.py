"""Event coding: verb dictionaries, patterns, arguments, negation and modality."""
