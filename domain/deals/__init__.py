"""The deal flow of PRODUCT.md §2: open, advise, report progress, close won or lost."""
