"""detente: event data from news about politics and international relations.

>>> from detente import Coder, Settings, iter_documents
>>> coder = Coder(Settings())
>>> events = list(coder.code(doc for doc in iter_documents(["article.txt"]) if isinstance(doc, Document)))

Importing the package is cheap: ``Coder`` (spaCy) and the readers (trafilatura) load on first
use, so commands that only query the store never pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from detente.errors import ConfigError, DataFileError, DetenteError, InputError
from detente.lazy import lazy_getattr
from detente.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from detente.coder import Coder
    from detente.ingest import Document, iter_documents

__version__ = "0.1.0"

# name -> module that defines it, imported on first access (PEP 562)
_LAZY = {"Coder": "detente.coder", "Document": "detente.ingest.documents", "iter_documents": "detente.ingest"}

__all__ = [
    "Coder",
    "ConfigError",
    "DataFileError",
    "DetenteError",
    "Document",
    "InputError",
    "Settings",
    "__version__",
    "iter_documents",
]


__getattr__ = lazy_getattr(__name__, _LAZY)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
