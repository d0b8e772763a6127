"""The database: the one place that opens it, its schema, and one module per table."""
