"""Benchmarks run only when selected with ``-m benchmark`` (``make bench``): ``make test`` and a
plain ``pytest`` deselect them."""

from pathlib import Path

import pytest

from tests.conftest import BACKENDS, fresh_database

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    if "benchmark" in (config.option.markexpr or ""):
        return
    # This hook sees every collected test, so only the ones in this folder are dropped.
    kept = [item for item in items if HERE not in item.path.parents]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept


@pytest.fixture(params=BACKENDS)
def bench_database(request, tmp_path):
    """A fresh database URL for the benchmark, removed afterwards."""
    with fresh_database(request.param, tmp_path) as url:
        yield url
