"""Agency form."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from mediaplan.agencies.choices import AGENCY_KINDS
from mediaplan.forms import Form
from mediaplan.web import select_choices


class AgencyForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    kind = SelectField(_l("Kind"), choices=lambda: select_choices(AGENCY_KINDS.items()))
    name_ky = StringField(_l("Name (Kyrgyz)"), validators=[Length(max=300)])
    name_ru = StringField(_l("Name (Russian)"), validators=[Length(max=300)])
    name_en = StringField(_l("Name (English)"), validators=[Length(max=300)])
    abbreviation_ky = StringField(_l("Abbreviation (Kyrgyz)"), validators=[Length(max=40)])
    abbreviation_ru = StringField(_l("Abbreviation (Russian)"), validators=[Length(max=40)])
    abbreviation_en = StringField(_l("Abbreviation (English)"), validators=[Length(max=40)])
    is_active = BooleanField(_l("Active"), default=True)
