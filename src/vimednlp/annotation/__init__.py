"""Annotation: Label Studio configs from the schema, push/pull, agreement, adjudication."""
