"""detente: event data from news about politics and international relations.

>>> from detente import Coder, Settings, iter_documents
>>> coder = Coder(Settings())
>>> events = list(coder.code(doc for doc in iter_documents(["article.txt"]) if isinstance(doc, Document)))
"""

from detente.coder import Coder
from detente.errors import ConfigError, DataFileError, DetenteError, InputError
from detente.ingest import Document, iter_documents
from detente.settings import Settings

__version__ = "0.1.0"

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
