"""The test layout: pytest imports test modules in importlib mode under their dotted names
(pyproject.toml), so same-named test files in different folders never collide and a test folder
never shadows the package it tests, as tests/feeds/ would shadow feeds/. Needs no database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NO_NAMESPACE_PACKAGES = ("-o", "consider_namespace_packages=false")
DEFAULTS = ("--import-mode=prepend", *NO_NAMESPACE_PACKAGES)
IMPORTLIB_ONLY = NO_NAMESPACE_PACKAGES

TEST_OF_THE_REAL_PACKAGE = """
from pathlib import Path

import {package}
from tests.conftest import SHARED


def test_imports_the_real_package():
    assert Path({package}.__file__) == Path(__file__).parents[2] / "{package}" / "__init__.py"
    assert SHARED == "tests/conftest.py"
"""


def _write_tree(root: Path, *, with_init: bool) -> None:
    """Feature packages beside tests/, and a same-named test file for each."""
    (root / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    files = {"tests/conftest.py": 'SHARED = "tests/conftest.py"\n'}
    for package in ("feeds", "campaigns"):
        files[f"{package}/__init__.py"] = ""
        files[f"tests/{package}/test_views.py"] = TEST_OF_THE_REAL_PACKAGE.format(package=package)
    if with_init:
        files["tests/feeds/__init__.py"] = ""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def _pytest(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_ADDOPTS", "PYTHONPATH")}
    # The plugins installed here play no part in how test modules are imported.
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("with_init", [False, True], ids=["namespace", "with_init"])
def test_same_named_test_files_import_the_real_packages(tmp_path, with_init):
    _write_tree(tmp_path, with_init=with_init)

    result = _pytest(tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


# Under pytest's defaults the two test_views.py collide, or tests/feeds/ is imported as `feeds`;
# importlib mode without namespace packages still lets tests/feeds/__init__.py become `feeds`.
SHADOWED = "tests/feeds/__init__.py' = feeds.__file__"
WITHOUT_THE_PROJECT_SETTINGS = [
    pytest.param(False, DEFAULTS, "import file mismatch", id="defaults-namespace"),
    pytest.param(True, DEFAULTS, SHADOWED, id="defaults-with_init"),
    pytest.param(True, IMPORTLIB_ONLY, SHADOWED, id="importlib_only-with_init"),
]


@pytest.mark.parametrize(("with_init", "options", "failure"), WITHOUT_THE_PROJECT_SETTINGS)
def test_the_tree_fails_without_the_project_settings(tmp_path, with_init, options, failure):
    # Guards the test above: the same tree fails without the project's settings.
    _write_tree(tmp_path, with_init=with_init)

    result = _pytest(tmp_path, *options)

    assert result.returncode != 0
    assert failure in result.stdout, result.stdout


def test_no_init_file_under_tests():
    found = [str(path.relative_to(ROOT)) for path in (ROOT / "tests").rglob("__init__.py")]
    assert not found, f"an __init__.py would let a test folder shadow a package: {found}"


def test_modules_have_their_dotted_names(request):
    assert __name__ == "tests.test_layout"
    # `from tests.conftest import ...` gets the conftest pytest loaded, not a second copy.
    conftests = [
        plugin
        for plugin in request.config.pluginmanager.get_plugins()
        if getattr(plugin, "__file__", None) == str(ROOT / "tests" / "conftest.py")
    ]
    assert conftests == [sys.modules["tests.conftest"]]
