"""Timed work: reminder sweeps run by APScheduler's AsyncIOScheduler on the bot's event loop.

The reminders of PRODUCT.md §5 are built on the outbox, like every other notification; their
sweeps live here and are registered by `bot.run`.
"""
