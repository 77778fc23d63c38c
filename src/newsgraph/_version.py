"""newsgraph's version: a leaf, so what reports it (the User-Agent, the API's description) does not
import the package's public API."""

__version__ = "0.1.0"
