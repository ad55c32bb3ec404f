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


class Form(FlaskForm):
    """A form with a CSRF token, speaking the user's language."""

    class Meta:
        def get_translations(self, form):
            return CATALOG


class SubForm(wtforms.Form):
    """A group of fields inside a Form (FormField, FieldList): no token of its own."""

    class Meta:
        def get_translations(self, form):
            return CATALOG
