"""The HTTP API (FastAPI) and the web dashboard it serves."""

from detente.api.app import create_app
from detente.api.state import ApiSettings

__all__ = ["ApiSettings", "create_app"]
