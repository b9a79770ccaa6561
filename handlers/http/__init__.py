"""The HTTP API front end: the routes capabilities register, behind a bearer token."""
