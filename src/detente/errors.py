"""Errors raised by detente. Each says what went wrong, where, and how to fix it."""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""

    http_status = 500

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.message}"


class InputError(DetenteError):
    """A document could not be read: unreadable file, bad JSON, missing text, binary data, bad encoding."""

    http_status = 422


class DataFileError(DetenteError):
    """A data file (knowledge base, lexicon, user dictionary) is malformed."""

    http_status = 500


class ConfigError(DetenteError):
    """A setting is invalid (unknown model, bad date, ...)."""

    http_status = 400


class FetchError(InputError):
    """A web page or feed could not be fetched (network error, HTTP error, too big, too slow)."""


class UnsafeUrlError(InputError):
    """A URL was refused before fetching: not http(s), or its host is a loopback, private,
    link-local or otherwise non-public address."""

    http_status = 403
