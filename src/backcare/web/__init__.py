"""The web front end: the local app's pages and the REST API, built by ``create_app(settings)``."""

from backcare.web.app import create_app

__all__ = ["create_app"]
