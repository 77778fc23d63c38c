from __future__ import annotations

import newsgraph.cluster


def test_public_api_is_pinned() -> None:
    assert sorted(newsgraph.cluster.__all__) == sorted(
        [
            "TABLES",
            "ClusterProgress",
            "ClusterSummary",
            "ImportSummary",
            "dask_client",
            "import_parquet",
            "ingest_dask",
            "known_inputs",
            "month_of",
            "open_table",
        ]
    )
    assert all(hasattr(newsgraph.cluster, name) for name in newsgraph.cluster.__all__)
