"""The Kyrgyz, Russian and English catalogs are complete, consistent with their msgids, and
cover every string marked for translation in the code: babel.cfg's mapping, which
`make extract-messages` uses too, over every top-level package and the templates. Needs no
database."""

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from babel.util import pathmatch

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "mediaplan" / "translations"
LANGUAGES = ("ky", "ru", "en")
PLURAL_FORMS = {"ky": 1, "ru": 3, "en": 2}
# Every function the code and the templates mark strings with.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "_l": None,
    "lazy_gettext": None,
    "ngettext": (1, 2),
    "lazy_ngettext": (1, 2),
}
# Strings that may stay English in the Kyrgyz and Russian catalogs: names and codes.
UNCHANGED_ALLOWED = {"OpenAPI", "API", "UTC", "Asia/Bishkek"}
PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<type>[a-zA-Z%])"
)
KYRGYZ_LETTERS = set("ңөүҢӨҮ")


def placeholders(text: str) -> list[tuple[str, str]]:
    """The printf-style placeholders of ``text`` as sorted (name, type) pairs; "%%" is no
    placeholder, a positional one has the name ""."""
    return sorted(
        (m["name"] or "", m["type"]) for m in PLACEHOLDER.finditer(text) if m["type"] != "%"
    )


def _load(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


CATALOGS = {lang: _load(lang) for lang in LANGUAGES}


def _messages(lang):
    return [message for message in CATALOGS[lang] if message.id]


def _key(message_id) -> str:
    return message_id[0] if isinstance(message_id, tuple | list) else message_id


def _strings(message) -> list[str]:
    return list(message.string) if message.pluralizable else [message.string]


def _mapping(root: Path):
    with (root / "babel.cfg").open() as f:
        return parse_mapping_cfg(f)


def _extracted(root: Path) -> dict:
    """Every message the mapping in ``root``/babel.cfg finds under ``root``, with where."""
    method_map, options_map = _mapping(root)
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        root, method_map, options_map, keywords=KEYWORDS
    ):
        found.setdefault(message, f"{filename}:{lineno}")
    return found


EXTRACTED = _extracted(ROOT)


def test_extraction_finds_the_strings_of_code_and_templates():
    # Guards the test itself: a broken mapping would extract nothing and pass everything.
    assert len(EXTRACTED) > 100
    assert "Log in" in EXTRACTED  # templates
    assert "Lead agency" in EXTRACTED  # Python, lazy_gettext
    assert ("%(num)d item", "%(num)d items") in EXTRACTED  # ngettext in a template


def test_mapping_extracts_the_feature_packages_not_tests_or_build_output(tmp_path):
    # campaigns/, feeds/ and calendar_exports/ are mapped before they exist: a tree that has
    # them shows their strings would be extracted, and that tests and build output are not.
    shutil.copy(ROOT / "babel.cfg", tmp_path)
    sources = {
        "feeds/__init__.py": "",
        "feeds/x.py": '_l("A feed entry")\n',
        "campaigns/review/service.py": 'lazy_gettext("A publication under review")\n',
        "calendar_exports/views.py": 'ngettext("%(num)d event", "%(num)d events", 2)\n',
        "templates/feeds/index.html": '{{ _("Partner feeds") }}\n',
        "tests/feeds/test_x.py": '_l("A string only a test marks")\n',
        "build/lib/feeds/x.py": '_l("A string in build output")\n',
    }
    for name, text in sources.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)

    found = _extracted(tmp_path)

    assert found == {
        "A feed entry": "feeds/x.py:1",
        "A publication under review": "campaigns/review/service.py:1",
        ("%(num)d event", "%(num)d events"): "calendar_exports/views.py:1",
        "Partner feeds": "templates/feeds/index.html:1",
    }


def _top_level_packages() -> list[str]:
    return sorted(
        path.parent.name for path in ROOT.glob("*/__init__.py") if path.parent.name != "tests"
    )


@pytest.mark.parametrize("package", _top_level_packages())
def test_babel_cfg_maps_the_code_of_every_top_level_package(package):
    method_map, _options = _mapping(ROOT)
    for module in (f"{package}/views.py", f"{package}/service/review.py"):
        methods = [method for pattern, method in method_map if pathmatch(pattern, module)]
        assert methods[:1] == ["python"], f"babel.cfg extracts nothing from {module}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_header(lang):
    catalog = CATALOGS[lang]
    assert catalog.num_plurals == PLURAL_FORMS[lang]
    assert catalog.fuzzy is False
    assert "Mediaplan team" in catalog.last_translator
    assert "Mediaplan team" in catalog.language_team


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_and_not_fuzzy(lang):
    untranslated, fuzzy, wrong_forms = [], [], []
    for message in _messages(lang):
        if message.fuzzy:
            fuzzy.append(message.id)
        strings = _strings(message)
        if message.pluralizable and len(strings) != PLURAL_FORMS[lang]:
            wrong_forms.append(message.id)
        if not all(s and s.strip() for s in strings):
            untranslated.append(message.id)
    assert not untranslated, f"{lang}: untranslated {untranslated}"
    assert not fuzzy, f"{lang}: fuzzy {fuzzy}"
    assert not wrong_forms, f"{lang}: wrong number of plural forms {wrong_forms}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_the_msgid(lang):
    mismatches = []
    for message in _messages(lang):
        ids = message.id if message.pluralizable else (message.id,)
        expected = sorted(set().union(*(placeholders(i) for i in ids)))
        for string in _strings(message):
            if sorted(set(placeholders(string))) != expected:
                mismatches.append((_key(message.id), string))
    assert not mismatches, f"{lang}: placeholders differ from the msgid: {mismatches}"


def test_english_translates_to_the_msgid():
    for message in _messages("en"):
        if message.pluralizable:
            assert list(message.string) == list(message.id), message.id
        else:
            assert message.string == message.id, message.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_extracted_string_is_in_the_catalog(lang):
    catalog = CATALOGS[lang]
    missing, wrong_plural = [], []
    for msgid, where in sorted(EXTRACTED.items(), key=lambda item: str(item[0])):
        message = catalog.get(_key(msgid))
        if message is None:
            missing.append(f"{_key(msgid)!r} ({where})")
        elif isinstance(msgid, tuple) != message.pluralizable or (
            message.pluralizable and tuple(message.id) != tuple(msgid)
        ):
            wrong_plural.append(f"{_key(msgid)!r} ({where})")
    assert not missing, (
        f"{lang}: strings in the code without a translation (run `make extract-messages` "
        f"and translate them): {missing}"
    )
    assert not wrong_plural, f"{lang}: plural form of the msgid differs: {wrong_plural}"


@pytest.mark.parametrize("lang", ("ky", "ru"))
def test_translations_do_not_copy_the_english(lang):
    copied = []
    for message in _messages(lang):
        ids = list(message.id) if message.pluralizable else [message.id]
        for msgid, string in zip(ids, _strings(message), strict=False):
            bare = PLACEHOLDER.sub("", msgid)
            if not re.search(r"[A-Za-z]", bare) or msgid in UNCHANGED_ALLOWED:
                continue
            if string.strip() == msgid.strip():
                copied.append(msgid)
    assert not copied, f"{lang}: copies the English msgid: {copied}"


def test_kyrgyz_and_russian_use_their_own_alphabet():
    ky_text = "".join(s for m in _messages("ky") for s in _strings(m))
    ru_text = "".join(s for m in _messages("ru") for s in _strings(m))
    assert KYRGYZ_LETTERS & set(ky_text), "the Kyrgyz catalog never uses ң, ө or ү"
    assert not KYRGYZ_LETTERS & set(ru_text), "the Russian catalog contains Kyrgyz letters"
