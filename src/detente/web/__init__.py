"""The web dashboard: static HTML, CSS and JavaScript served by the API (no CDN)."""
