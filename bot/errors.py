"""Mistakes an operator can fix: reported as one line on stderr, exit status 2."""


class OperatorError(Exception):
    """What is wrong and, where it helps, what to do about it."""
