"""The web interface and HTTP API served by ``newsgraph serve``."""

from newsgraph.web.app import create_app

__all__ = ["create_app"]
