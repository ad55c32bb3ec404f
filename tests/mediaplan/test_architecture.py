"""The dependency rules of DESIGN.md, checked on the source.

- ``load_features`` in mediaplan/app.py is the one place where the core names its packages; it
  lists every package of mediaplan/ and every top-level feature package, in dependency order.
- The core's own modules (mediaplan/*.py) import no package; a package imports only the
  packages listed before it. So the core never names a feature, and packages never form a
  cycle (comments may use the plan, never the other way round).
- Top-level packages: mediaplan never imports them outside ``load_features``; campaigns never
  imports feeds or calendar_exports; feeds and calendar_exports never import each other.
- No module builds an app, a scheduler or a database session at import time; the core's
  templates name no package's pages.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = "mediaplan"
LOADER_MODULE = ("mediaplan", "app.py")
LOADER_FUNCTION = "load_features"
# What each top-level feature package may import besides mediaplan (DESIGN.md, "Layout").
TOP_LEVEL_ALLOWED = {
    "campaigns": set(),
    "feeds": {"campaigns"},
    "calendar_exports": {"campaigns"},
}
FORBIDDEN_AT_IMPORT = ("create_app", "BackgroundScheduler", "BlockingScheduler")
# Endpoints the core itself serves, which its templates may link to.
CORE_ENDPOINTS = {"home", "static"}


@dataclass(frozen=True)
class Feature:
    """A package loaded by load_features: "mediaplan.plan" or a top-level "feeds"."""

    name: str

    @property
    def is_top_level(self) -> bool:
        return "." not in self.name


def top_level_packages(root: Path) -> list[str]:
    """Folders beside mediaplan/ that are Python packages (tests/ has no __init__.py)."""
    return sorted(
        path.parent.name
        for path in root.glob("*/__init__.py")
        if path.parent.name not in (CORE, "tests")
    )


def core_packages(root: Path) -> list[str]:
    return sorted(
        f"{CORE}.{path.parent.name}"
        for path in (root / CORE).glob("*/__init__.py")
        if path.parent.name != "migrations"
    )


def modules(root: Path, package: str) -> list[Path]:
    folder = root.joinpath(*package.split("."))
    return sorted(p for p in folder.rglob("*.py") if "migrations" not in p.relative_to(root).parts)


def imported_names(node: ast.AST) -> list[str]:
    """Absolute module names an import statement names; ``from mediaplan import plan`` names
    mediaplan.plan."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [f"{node.module}.{alias.name}" for alias in node.names]
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


def loaded_features(root: Path) -> list[Feature]:
    """The packages load_features passes to init_app, in its order."""
    tree = ast.parse(root.joinpath(*LOADER_MODULE).read_text())
    function = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == LOADER_FUNCTION
    )
    bound = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Import):
            bound.update({alias.asname or alias.name: alias.name for alias in node.names})
        elif isinstance(node, ast.ImportFrom) and node.module:
            bound.update(
                {alias.asname or alias.name: f"{node.module}.{alias.name}" for alias in node.names}
            )
    listing = next(
        node.value
        for node in ast.walk(function)
        if isinstance(node, ast.Assign)
        and [ast.unparse(t) for t in node.targets] == ["features"]
        and isinstance(node.value, ast.Tuple)
    )
    return [Feature(bound[element.id]) for element in listing.elts]


def owner(module: str, root: Path) -> str | None:
    """The package a module belongs to ("mediaplan.plan", "feeds"), or None for the core's own
    modules (mediaplan.db) and third-party code."""
    parts = module.split(".")
    if parts[0] == CORE:
        if len(parts) > 1 and (root / CORE / parts[1] / "__init__.py").exists():
            return f"{CORE}.{parts[1]}"
        return None
    return parts[0] if (root / parts[0] / "__init__.py").exists() else None


def layering_violations(root: Path) -> list[str]:
    """Every import that reaches a package not listed before the importing one."""
    order = [feature.name for feature in loaded_features(root)]
    violations = []
    for path in modules(root, CORE):
        if path.parent != root / CORE:
            continue
        allowed = LOADER_FUNCTION if path.name == LOADER_MODULE[1] else None
        for line, name in imports_outside(ast.parse(path.read_text()), allowed):
            if owner(name, root) is not None:
                violations.append(f"{path.relative_to(root)}:{line} (the core) imports {name}")
    for position, package in enumerate(order):
        earlier = set(order[:position]) | {package}
        for path in modules(root, package):
            for line, name in imports_outside(ast.parse(path.read_text()), None):
                target = owner(name, root)
                if target is not None and target not in earlier:
                    violations.append(f"{path.relative_to(root)}:{line} imports {name}")
    return violations


def top_level_violations(root: Path) -> list[str]:
    """Imports between top-level packages that DESIGN.md forbids, wherever they are."""
    violations = []
    for package in top_level_packages(root):
        allowed = TOP_LEVEL_ALLOWED.get(package, set()) | {package, CORE}
        for path in modules(root, package):
            for line, name in imports_outside(ast.parse(path.read_text()), None):
                target = name.split(".")[0]
                if target in TOP_LEVEL_ALLOWED and target not in allowed:
                    violations.append(f"{path.relative_to(root)}:{line} imports {name}")
    return violations


def listing_problems(root: Path) -> list[str]:
    """Packages load_features forgets, and top-level ones placed before the core's."""
    names = [feature.name for feature in loaded_features(root)]
    problems = [f"{name} is not loaded" for name in core_packages(root) if name not in names]
    problems += [f"{name} is not loaded" for name in top_level_packages(root) if name not in names]
    seen_top_level = False
    for feature in loaded_features(root):
        seen_top_level = seen_top_level or feature.is_top_level
        if seen_top_level and not feature.is_top_level:
            problems.append(f"{feature.name} comes after a top-level package")
    return problems


def test_load_features_lists_every_package_in_order():
    assert listing_problems(ROOT) == []
    names = [feature.name for feature in loaded_features(ROOT)]
    assert names[0] == "mediaplan.i18n" and "mediaplan.plan" in names


def test_packages_import_only_the_core_and_packages_listed_before_them():
    assert layering_violations(ROOT) == []


def test_top_level_packages_follow_the_design():
    assert top_level_violations(ROOT) == []


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


LOADER = """
def load_features(app):
    from mediaplan import plan, comments
    import campaigns
    import feeds

    features = (plan, comments, campaigns, feeds)
    for feature in features:
        feature.init_app(app)
"""


def test_the_checks_see_each_kind_of_violation(tmp_path):
    """The checks above must be able to fail: a tree breaking every rule once."""
    root = _write(
        tmp_path,
        {
            "mediaplan/__init__.py": "",
            "mediaplan/app.py": LOADER,
            "mediaplan/templating.py": "from mediaplan.plan.choices import X\n",
            "mediaplan/plan/__init__.py": "",
            "mediaplan/plan/views.py": "from mediaplan.comments.service import comments_for\n",
            "mediaplan/comments/__init__.py": "from mediaplan.plan import rights\n",
            "mediaplan/notifications/__init__.py": "",
            "campaigns/__init__.py": "import feeds.fetch\n",
            "feeds/__init__.py": "from calendar_exports import build\nimport campaigns\n",
            "calendar_exports/__init__.py": "from feeds import parse\n",
        },
    )
    assert layering_violations(root) == [
        "mediaplan/templating.py:1 (the core) imports mediaplan.plan.choices.X",
        "mediaplan/plan/views.py:1 imports mediaplan.comments.service.comments_for",
        "campaigns/__init__.py:1 imports feeds.fetch",
        "feeds/__init__.py:1 imports calendar_exports.build",
    ]
    assert top_level_violations(root) == [
        "calendar_exports/__init__.py:1 imports feeds.parse",
        "campaigns/__init__.py:1 imports feeds.fetch",
        "feeds/__init__.py:1 imports calendar_exports.build",
    ]
    assert listing_problems(root) == [
        "mediaplan.notifications is not loaded",
        "calendar_exports is not loaded",
    ]


def test_a_core_package_after_a_top_level_one_is_reported(tmp_path):
    root = _write(
        tmp_path,
        {
            "mediaplan/app.py": LOADER.replace(
                "(plan, comments, campaigns, feeds)", "(plan, campaigns, comments, feeds)"
            ),
            "mediaplan/plan/__init__.py": "",
            "mediaplan/comments/__init__.py": "",
            "campaigns/__init__.py": "",
            "feeds/__init__.py": "",
        },
    )
    assert listing_problems(root) == ["mediaplan.comments comes after a top-level package"]


def module_level_calls(tree: ast.Module) -> list[tuple[int, str]]:
    calls = []
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for node in ast.walk(statement):
            if isinstance(node, ast.Call):
                calls.append((node.lineno, ast.unparse(node.func)))
    return calls


def all_modules() -> list[Path]:
    packages = [CORE, *top_level_packages(ROOT)]
    return [*(p for package in packages for p in modules(ROOT, package)), ROOT / "wsgi.py"]


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


def test_the_import_time_check_sees_a_violation():
    bad = ast.parse("from mediaplan.app import create_app\napp = create_app()\n")
    assert (2, "create_app") in module_level_calls(bad)


ENDPOINT = re.compile(r"""url_for\(\s*['"]([\w.]+)['"]""")


def test_the_core_templates_name_no_package():
    """The layout and error pages link only to the core's own endpoints; menus, the start
    page and header parts come from the registries."""
    core_templates = [
        ROOT / "templates" / "base.html",
        *(ROOT / "templates" / "errors").glob("*.html"),
        *(ROOT / "templates" / "_macros").glob("*.html"),
    ]
    named = {
        (path.name, endpoint)
        for path in core_templates
        for endpoint in ENDPOINT.findall(path.read_text())
    }
    assert {endpoint for _, endpoint in named} <= CORE_ENDPOINTS, named


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
