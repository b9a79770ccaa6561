"""The composition root: settings, command line, wiring, start-up and the dispatcher."""
