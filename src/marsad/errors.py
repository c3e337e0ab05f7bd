"""Errors that reach the user as one clear line (never a traceback)."""


class MarsadError(Exception):
    """A problem with the user's input or setup, reported as one line and a non-zero exit."""


class InputError(MarsadError):
    """The input could not be read or is not an article (empty, binary, undecodable, ...)."""


class BadRecord(InputError):
    """One record of a multi-record input is unusable; the rest are still read.

    Readers *yield* it in place of the record (they do not raise it), so one bad
    record never stops the stream: consumers of `read_path`/`read_bytes` must check
    `isinstance(item, BadRecord)`, report `str(item)` (one line, naming `where`) and
    go on. `where` is the file and line (or record index) of the record.
    """

    def __init__(self, msg: str, where: str):
        super().__init__(msg)
        self.where = where
