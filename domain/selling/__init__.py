"""Selling (PRODUCT.md §3.2): quotes with revisions, orders, payment plans, payments received
and shipments, each step decided through the one approval mechanism."""
