"""Every write, shared by the CLI and the pages: transactions, role checks, errors."""
