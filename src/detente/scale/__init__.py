"""Scaling out: a process pool on one machine, or a Dask cluster. Both offer the same
``code_documents`` interface as :class:`detente.Coder`, so ingest works with either."""

from detente.scale.local import ProcessPoolCoder, default_workers

__all__ = ["ProcessPoolCoder", "default_workers"]
