"""The web dashboard: its page, its static files, and Plotly served from the installed package."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

WEB = Path(__file__).resolve().parents[1] / "web" / "static"

router = APIRouter(include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    return FileResponse(WEB / "index.html")


@router.get("/vendor/plotly.min.js")
def plotly_js() -> FileResponse:
    import plotly

    return FileResponse(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", media_type="application/javascript")
