from livesite import loopback_only, pipeline, processor, site  # noqa: F401 - fixtures for this folder's tests
