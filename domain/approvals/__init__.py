"""One approval mechanism (PRODUCT.md §3.3): a request, a card to those entitled to decide,
one decision, and every card of it changed to say who decided."""
