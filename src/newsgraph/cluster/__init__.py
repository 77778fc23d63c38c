"""Past one machine: the per-document pipeline on a Dask cluster, writing a Parquet dataset
partitioned by publication month, and the import of such a dataset into the embedded database."""

from newsgraph.cluster.dataset import TABLES, known_inputs, month_of, open_table
from newsgraph.cluster.engine import ClusterProgress, ClusterSummary, dask_client, ingest_dask
from newsgraph.cluster.importer import ImportSummary, import_parquet

__all__ = [
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
