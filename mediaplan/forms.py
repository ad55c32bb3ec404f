"""The base classes of every form: WTForms' own messages ("This field is required.") come from
Mediaplan's catalogs, which i18n/library_messages.py fills, and so exist in Kyrgyz. Flask-WTF
would take them from WTForms' catalogs, which have Russian but no Kyrgyz."""

import wtforms
from flask_babel import get_translations
from flask_wtf import FlaskForm


class CatalogTranslations:
    """The translations object WTForms asks for, reading the current language's catalog."""

    def gettext(self, string: str) -> str:
        return get_translations().ugettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return get_translations().ungettext(singular, plural, n)


CATALOG = CatalogTranslations()


def render_without_maxlength(field, render_kw: dict) -> dict:
    """Browsers cut pasted text at a field's maxlength without a word; the server says what is
    too long instead, so the attribute WTForms takes from Length validators is left out."""
    return {"maxlength": False, **render_kw}


class Form(FlaskForm):
    """A form with a CSRF token, speaking the user's language."""

    class Meta:
        def get_translations(self, form):
            return CATALOG

        def render_field(self, field, render_kw):
            return super().render_field(field, render_without_maxlength(field, render_kw))


class SubForm(wtforms.Form):
    """A group of fields inside a Form (FormField, FieldList): no token of its own."""

    class Meta:
        def get_translations(self, form):
            return CATALOG

        def render_field(self, field, render_kw):
            return super().render_field(field, render_without_maxlength(field, render_kw))
