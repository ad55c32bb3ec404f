"""Build steps pyproject.toml cannot declare: the wheel carries the checkout's top-level templates/
as mediaplan/templates/, where mediaplan.app.templates_folder() looks first, and the catalogs
compiled from their .po files, so an installed Mediaplan needs no checkout and a clean clone,
which holds no .mo files, still builds a complete wheel."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

# Relative paths: a PEP 517 backend runs in the source tree.
TEMPLATES = Path("templates")
TRANSLATIONS = Path("mediaplan", "translations")


def compile_catalog(po_file: Path, mo_file: Path) -> None:
    """Compile one catalog as `pybabel compile` does, leaving fuzzy entries out."""
    with po_file.open("rb") as f:
        catalog = read_po(f, locale=po_file.parent.parent.name)
    mo_file.parent.mkdir(parents=True, exist_ok=True)
    with mo_file.open("wb") as f:
        write_mo(f, catalog)


class BuildPyWithTemplatesAndCatalogs(build_py):
    def run(self) -> None:
        super().run()
        # An editable install runs from the checkout: templates_folder() falls back to its
        # templates/, and `make translations` compiles the catalogs in place.
        if self.editable_mode:
            return
        self.copy_tree(str(TEMPLATES), str(Path(self.build_lib, "mediaplan", "templates")))
        for po_file in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/*.po")):
            compile_catalog(po_file, Path(self.build_lib, po_file.with_suffix(".mo")))


setup(cmdclass={"build_py": BuildPyWithTemplatesAndCatalogs})
