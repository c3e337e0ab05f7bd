"""Errors that reach the user as one clear line (never a traceback)."""


class MarsadError(Exception):
    """A problem with the user's input or setup, reported as one line and a non-zero exit."""


class InputError(MarsadError):
    """The input could not be read or is not an article (empty, binary, undecodable, ...)."""
