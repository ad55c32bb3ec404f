"""Benchmarks run only when selected with ``-m benchmark`` (``make bench``): ``make test`` and a
plain ``pytest`` deselect them."""

from pathlib import Path

import pytest

from tests.conftest import POSTGRES_URL, _postgres_database

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    if "benchmark" in (config.option.markexpr or ""):
        return
    # This hook sees every collected test, so only the ones in this folder are dropped.
    kept = [item for item in items if HERE not in item.path.parents]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept


@pytest.fixture(params=["sqlite"] + (["postgresql"] if POSTGRES_URL else []))
def bench_database(request, tmp_path):
    """A fresh database URL for the benchmark, removed afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bench.db'}"
        return
    yield from _postgres_database(POSTGRES_URL)
