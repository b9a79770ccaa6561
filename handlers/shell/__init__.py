"""The terminal front end: type commands as any configured person and see where posts go."""
