"""The business of dealbot: models, use cases, policies and queries.

Nothing here knows about chat platforms, the command line or the scheduler.
"""
