"""Benchmarks: what newsgraph costs, measured on this machine and printed, never asserted.

- :mod:`newsgraph.bench.ingest`: ``newsgraph bench``, a corpus ingested with one worker, with
  several and on a local Dask cluster, beside the bare language model over the same texts;
- :mod:`newsgraph.bench.linking`: how linking's cost grows with the number of articles;
- :mod:`newsgraph.bench.pages`: ``newsgraph bench-pages``, the load time of each kind of web page;
- :mod:`newsgraph.bench.memory`: the peak memory and CPU time of a process and its workers.

Nothing is imported here: each benchmark loads what it measures.
"""
