"""The HTTP API (FastAPI) and the web dashboard it serves."""

from detente.api.app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
