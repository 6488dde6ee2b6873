"""The Dask runner gives what the in-process core gives, locally and on a real cluster."""

import pytest

from recoupe.core import analyze_batch
from recoupe.distributed import analyze_with_dask

RECORDS = [
    {"id": "a1", "text": "Grève à Lyon\n\nLe maire de Lyon a déclaré que les bus rouleront lundi."},
    {"id": "bad", "text": "   "},
    {"id": "a2", "text": "Réforme\n\nSelon la ministre, la réforme sera votée en mars."},
]


def dumps(results):
    return [r.model_dump() for r in results]


def test_local_processes_scheduler_matches_the_core():
    expected = dumps(analyze_batch(RECORDS))
    assert dumps(analyze_with_dask(RECORDS, "processes", partition_size=2)) == expected
    assert [type(r).__name__ for r in analyze_with_dask(RECORDS, "synchronous")] == [
        "Analysis", "Failure", "Analysis"]


@pytest.mark.slow
def test_distributed_cluster_on_loopback_matches_the_core():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        results = dumps(analyze_with_dask(RECORDS, cluster.scheduler_address, partition_size=1,
                                          window=2))
    assert results == dumps(analyze_batch(RECORDS))
