"""Customers: the card of seed 004, kept per team."""
