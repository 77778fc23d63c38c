"""``python -m newsgraph``: the command line."""

from newsgraph.cli import main

main()
