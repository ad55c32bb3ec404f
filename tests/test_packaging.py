"""The wheel is complete: built from the files a commit would hold (so no compiled catalogs and no
virtual environment) and installed into a fresh virtual environment outside the checkout,
Mediaplan migrates, lists its routes and serves its pages in Kyrgyz.

To stay fast and off the network, the wheel is built without build isolation, with this
environment's setuptools (the `test` extra) and Babel, and the fresh environment installs no
dependency: it borrows this environment's through a .pth file naming its site-packages. A plain
path line in a .pth file only appends that folder to sys.path; the .pth files inside it, among
them the editable install's import hook that points at the checkout, are not run. So `mediaplan`
can come only from the wheel, and the test checks that it does."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from markupsafe import escape

from tests.servers import get, serving

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("ky", "ru", "en")
KYRGYZ_CATALOG = ROOT / "mediaplan" / "translations" / "ky" / "LC_MESSAGES" / "messages.po"
BORROWED_SITE_PACKAGES = sorted({sysconfig.get_path("purelib"), sysconfig.get_path("platlib")})


@dataclass
class Source:
    root: Path
    files: list[str]


def _run(*args, **kwargs) -> str:
    result = subprocess.run(
        [str(arg) for arg in args], capture_output=True, text=True, timeout=120, **kwargs
    )
    assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Source:
    """A copy of the tracked files and the new ones git does not ignore, as a commit holds them."""
    listed = _run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    root = tmp_path_factory.mktemp("source")
    files = []
    for name in sorted(set(listed.split("\0")) - {""}):
        if (ROOT / name).is_file():  # a tracked file deleted in the working tree is gone
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, root / name)
            files.append(name)
    return Source(root, files)


@pytest.fixture(scope="module")
def wheel(source, tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-build-isolation",
        "--no-deps",
        "--no-index",
        "--wheel-dir",
        dist,
        source.root,
    )
    (built,) = dist.glob("mediaplan-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("venv")
    assert not venv.is_relative_to(ROOT)
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel
    )
    site_packages = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    # Written after the install: pip would otherwise find this environment's mediaplan and
    # call the wheel's requirement already satisfied.
    borrowed = "".join(f"{path}\n" for path in BORROWED_SITE_PACKAGES)
    (Path(site_packages.strip()) / "borrowed_dependencies.pth").write_text(borrowed)
    return venv


@pytest.fixture
def env(tmp_path) -> dict:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("MEDIAPLAN_") and name != "PYTHONPATH"
    }
    return env | {
        "MEDIAPLAN_INSTANCE_PATH": str(tmp_path / "instance"),
        "MEDIAPLAN_SCHEDULER": "off",
    }


def test_wheel_holds_every_package_templates_and_compiled_catalogs(source, wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {
        name.split("/")[0]
        for name in source.files
        if name.count("/") == 1 and name.endswith("/__init__.py") and not name.startswith("tests/")
    }
    assert "mediaplan" in packages
    # Everything under a package (code, static files, migrations, catalogs), the templates
    # where templates_folder() looks first, and a catalog compiled for each language.
    expected = {name for name in source.files if name.split("/")[0] in packages}
    expected |= {f"mediaplan/{name}" for name in source.files if name.startswith("templates/")}
    expected |= {f"mediaplan/translations/{lang}/LC_MESSAGES/messages.mo" for lang in LANGUAGES}
    assert not any(name.endswith(".mo") for name in source.files)
    assert sorted(expected - names) == []
    assert not {name for name in names if name.startswith("tests/")}


def test_installed_mediaplan_comes_from_the_fresh_environment(venv, env, tmp_path):
    probe = (
        "import json, sys, mediaplan; from mediaplan.app import templates_folder; "
        "print(json.dumps({'package': mediaplan.__file__, 'templates': str(templates_folder()), "
        "'hooks': [m for m in sys.modules if m.startswith('__editable__')], 'path': sys.path}))"
    )
    found = json.loads(_run(venv / "bin" / "python", "-c", probe, cwd=tmp_path, env=env))

    assert Path(found["package"]).is_relative_to(venv)
    assert Path(found["templates"]).is_relative_to(venv)
    assert found["hooks"] == []
    assert set(BORROWED_SITE_PACKAGES) <= set(found["path"])
    assert str(ROOT) not in found["path"]
    assert str(venv / "bin" / "python") in (venv / "bin" / "mediaplan").read_text()


def test_installed_mediaplan_migrates_and_serves_pages_in_kyrgyz(venv, env, tmp_path):
    mediaplan = venv / "bin" / "mediaplan"
    _run(mediaplan, "db", "upgrade", cwd=tmp_path, env=env)
    routes = _run(mediaplan, "routes", cwd=tmp_path, env=env)
    assert " /healthz " in routes
    assert " /login " in routes

    with serving(env, tmp_path / "serve.log", command=str(mediaplan), cwd=tmp_path) as (_, port):
        status, body = get(port, "/healthz")
        assert status == 200, body
        assert json.loads(body)["database"]["status"] == "ok"

        status, body = get(port, "/login", {"Accept-Language": "ky"})
        assert status == 200
        log_in = _kyrgyz("Log in")
        assert log_in != "Log in"
        assert str(escape(log_in)) in body


def _kyrgyz(msgid: str) -> str:
    with KYRGYZ_CATALOG.open("rb") as f:
        return read_po(f, locale="ky")[msgid].string
