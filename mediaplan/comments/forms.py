"""The comment form under a plan item."""

from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from mediaplan.comments.models import BODY_MAX
from mediaplan.forms import Form


class CommentForm(Form):
    body = TextAreaField(_l("Comment"), validators=[DataRequired(), Length(max=BODY_MAX)])
