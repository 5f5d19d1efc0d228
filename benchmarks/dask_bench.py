"""When does Dask pay? The local process pool against a Dask LocalCluster on this machine.

Run: python benchmarks/dask_bench.py [--corpus FILE] [--documents N] [--workers N] [--json FILE]

Both code the same documents with the same number of worker processes, timed from the call to the
last event (starting the workers and loading their pipelines included: that is what a run of
`detente code --workers N` or `--dask local` costs), alternating, best of --rounds. Both must give
the same events.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from detente.ingest import Document, iter_documents
from detente.scale import ProcessPoolCoder, default_workers
from detente.scale.bench import bench_corpus, cycle_corpus
from detente.scale.cluster import DaskCoder
from detente.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.corpus:
        corpus = cycle_corpus([d for d in iter_documents([args.corpus]) if isinstance(d, Document)], args.documents)
    else:
        corpus = list(bench_corpus(args.documents))
    settings = Settings()
    best = {"pool": float("inf"), "dask": float("inf")}
    events = {}
    for _ in range(args.rounds):
        for name, coder in (("pool", ProcessPoolCoder(settings, workers=args.workers)),
                            ("dask", DaskCoder("local", settings=settings, workers=args.workers))):
            start = time.perf_counter()
            events[name] = list(coder.code(corpus))
            best[name] = min(best[name], time.perf_counter() - start)
    figures = {
        "documents": len(corpus), "workers": args.workers, "rounds": args.rounds,
        "pool_seconds": round(best["pool"], 2), "dask_local_seconds": round(best["dask"], 2),
        "dask_over_pool": round(best["dask"] / best["pool"], 3),
        "same_events": events["pool"] == events["dask"],
    }
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
