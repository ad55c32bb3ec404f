"""The dependency rule of DESIGN.md, checked on the source: the core imports feature packages
only inside create_app(), feeds and calendar_exports never import each other, and no module
builds an app, a scheduler or a database session at import time."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FEATURE_PACKAGES = ("campaigns", "feeds", "calendar_exports")
FORBIDDEN_AT_IMPORT = ("create_app", "BackgroundScheduler", "BlockingScheduler")


def modules(package: str) -> list[Path]:
    folder = ROOT / package
    if not folder.exists():
        return []
    return [p for p in folder.rglob("*.py") if "migrations" not in p.parts]


def imported_names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [node.module]
    return []


def imports_outside(tree: ast.Module, allowed_function: str | None) -> list[tuple[int, str]]:
    """Imports anywhere except inside the function named ``allowed_function``."""
    found = []

    def visit(node: ast.AST, inside_allowed: bool) -> None:
        for child in ast.iter_child_nodes(node):
            allowed = inside_allowed or (
                isinstance(child, ast.FunctionDef) and child.name == allowed_function
            )
            found.extend((child.lineno, name) for name in imported_names(child) if not allowed)
            visit(child, allowed)

    visit(tree, False)
    return found


def module_level_calls(tree: ast.Module) -> list[tuple[int, str]]:
    calls = []
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for node in ast.walk(statement):
            if isinstance(node, ast.Call):
                calls.append((node.lineno, ast.unparse(node.func)))
    return calls


@pytest.mark.parametrize("path", modules("mediaplan"), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_imports_features_only_in_create_app(path):
    tree = ast.parse(path.read_text())
    allowed = "create_app" if path.name == "app.py" else None
    offending = [
        (line, name)
        for line, name in imports_outside(tree, allowed)
        if name.split(".")[0] in FEATURE_PACKAGES
    ]
    assert offending == []


@pytest.mark.parametrize(
    ("package", "forbidden"), [("feeds", "calendar_exports"), ("calendar_exports", "feeds")]
)
def test_feeds_and_calendar_exports_stay_apart(package, forbidden):
    for path in modules(package):
        names = imports_outside(ast.parse(path.read_text()), None)
        assert [n for _, n in names if n.split(".")[0] == forbidden] == [], path


def all_modules() -> list[Path]:
    paths = [p for package in ("mediaplan", *FEATURE_PACKAGES) for p in modules(package)]
    return [*paths, ROOT / "wsgi.py"]


@pytest.mark.parametrize("path", all_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_is_built_at_import_time(path):
    calls = module_level_calls(ast.parse(path.read_text()))
    allowed_app = path.name == "wsgi.py"
    for line, func in calls:
        name = func.rsplit(".", 1)[-1]
        assert name not in FORBIDDEN_AT_IMPORT or (allowed_app and name == "create_app"), (
            f"{path.name}:{line} calls {func} at import time"
        )
        assert not func.startswith("db.session"), f"{path.name}:{line} uses db.session at import"


def test_the_architecture_check_sees_a_violation(tmp_path):
    """The checks above must be able to fail."""
    bad = ast.parse(
        "import feeds.fetch\nfrom mediaplan.app import create_app\napp = create_app()\n"
    )
    assert imports_outside(bad, None)[0] == (1, "feeds.fetch")
    assert (3, "create_app") in module_level_calls(bad)


def test_every_form_speaks_the_users_language():
    """Forms derive from mediaplan.forms.Form or SubForm, which take WTForms' messages from
    our catalogs; a FlaskForm or plain wtforms.Form would show them in English to Kyrgyz
    readers."""
    offending = []
    for path in all_modules():
        if path.name == "forms.py" and path.parent.name == "mediaplan":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ClassDef):
                names = [ast.unparse(base) for base in node.bases]
            elif isinstance(node, ast.Call):
                names = [ast.unparse(node.func)]
            if any(name in ("FlaskForm", "wtforms.Form", "flask_wtf.FlaskForm") for name in names):
                offending.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if (
                isinstance(node, ast.ImportFrom)
                and node.module in ("wtforms", "flask_wtf")
                and any(alias.name in ("Form", "FlaskForm") for alias in node.names)
            ):
                offending.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offending == []
