"""How an agency's history names its fields: as its form does."""

from flask_babel import lazy_gettext as _l

from mediaplan.audit.display import Field

HISTORY_FIELDS = {
    "code": _l("Code"),
    "kind": Field(_l("Kind"), vocabulary="agency_kind"),
    "name_ky": _l("Name (Kyrgyz)"),
    "name_ru": _l("Name (Russian)"),
    "name_en": _l("Name (English)"),
    "abbreviation_ky": _l("Abbreviation (Kyrgyz)"),
    "abbreviation_ru": _l("Abbreviation (Russian)"),
    "abbreviation_en": _l("Abbreviation (English)"),
    "is_active": _l("Active"),
}
