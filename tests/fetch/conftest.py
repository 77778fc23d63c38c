from livesite import loopback_only, site  # noqa: F401 - fixtures for this folder's tests
