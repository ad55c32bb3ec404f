"""Forms for plans as a whole: opening one, copying items into it, closing it."""

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length

from mediaplan.forms import Form
from mediaplan.plan import limits


class PlanForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    title_ky = StringField(_l("Title (Kyrgyz)"), validators=[Length(max=limits.TITLE_MAX)])
    title_ru = StringField(_l("Title (Russian)"), validators=[Length(max=limits.TITLE_MAX)])
    title_en = StringField(_l("Title (English)"), validators=[Length(max=limits.TITLE_MAX)])
    starts_on = DateField(_l("First day"), validators=[InputRequired()])
    ends_on = DateField(_l("Last day"), validators=[InputRequired()])
    copy_from = SelectField(_l("Carry items forward from"), coerce=int, validate_choice=False)


class ConfirmForm(Form):
    """A button with its CSRF token: copying, closing and opening again."""
