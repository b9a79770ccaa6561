"""Reminders (PRODUCT.md §5): what is due, for whom and when, sent once by a ledger."""
