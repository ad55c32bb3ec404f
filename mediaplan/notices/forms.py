"""The form on the account page choosing which notices come by e-mail."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField

from mediaplan.forms import Form
from mediaplan.notices.preferences import KINDS


class NoticePreferencesForm(Form):
    # Named email_<kind> after preferences.KINDS.
    email_comment = BooleanField(_l("Comments on my agency's items"))
    email_edit = BooleanField(_l("Changes to my agency's items"))
    email_status = BooleanField(_l("Status changes of my agency's items"))

    def chosen_kinds(self) -> set[str]:
        return {kind for kind in KINDS if self[f"email_{kind}"].data}
