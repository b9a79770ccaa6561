"""The outbox: notifications written with the change, delivered per platform and place."""
