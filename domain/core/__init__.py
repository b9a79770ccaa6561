"""What every capability stands on: store, clock, money, text, directory, routing."""
