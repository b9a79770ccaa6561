"""Products and their stock, shared by every team (PRODUCT.md §3.2)."""
