"""Forms for plan items and their status."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    DecimalField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.utils import unset_value
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from mediaplan.forms import Form, SubForm
from mediaplan.plan import limits
from mediaplan.plan.choices import (
    DELIVERY_LANGUAGES,
    DIRECTIONS,
    FORMATS,
    FUNDING_SOURCES,
    REGIONS,
    STATUSES,
    TARGET_GROUPS,
)
from mediaplan.plan.service import IndicatorData, PlanItemData
from mediaplan.web import select_choices

LANGUAGE_NAMES = {"ky": _l("Kyrgyz"), "ru": _l("Russian"), "en": _l("English")}


def _choices(vocabulary: dict, blank: bool = False):
    def build():
        items = list(vocabulary.items())
        return select_choices([("", "—"), *items] if blank else items)

    return build


class CheckboxListField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class BoundedFieldList(FieldList):
    """A FieldList that counts the entries sent, so that entries beyond ``max_entries`` are
    refused (see PlanItemForm.validate) rather than dropped without a word."""

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.entries_sent = len(set(self._extract_indices(self.name, formdata))) if formdata else 0
        super().process(formdata, data, extra_filters)


class IndicatorForm(SubForm):
    text = StringField(_l("Indicator"), validators=[Length(max=limits.INDICATOR_TEXT_MAX)])
    target = IntegerField(
        _l("Target"), validators=[Optional(), NumberRange(min=0, max=limits.TARGET_MAX)]
    )
    unit = StringField(_l("Unit"), validators=[Length(max=limits.INDICATOR_UNIT_MAX)])

    def is_blank(self) -> bool:
        return not (self.text.data or "").strip() and self.target.data is None


class BudgetField(DecimalField):
    """A DecimalField refusing NaN and infinities: no budget is one, and WTForms' NumberRange
    raises on a signalling NaN instead of reporting it."""

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if self.data is not None and not self.data.is_finite():
            self.data = None
            raise ValueError(self.gettext("Not a valid decimal value."))


def _text(label, maximum):
    return StringField(label, validators=[Length(max=maximum)])


def _area(label, maximum):
    return TextAreaField(label, validators=[Length(max=maximum)])


class VersionField(HiddenField):
    """The item's version the form was filled from; None when missing or not a number."""

    def process_formdata(self, valuelist):
        value = valuelist[0] if valuelist else ""
        self.data = int(value) if value.isdigit() and len(value) < 10 else None


class PlanItemForm(Form):
    version = VersionField()
    number = StringField(_l("Number"), validators=[DataRequired(), Length(max=limits.NUMBER_MAX)])
    direction = SelectField(_l("Direction"), choices=_choices(DIRECTIONS))
    format = SelectField(_l("Format"), choices=_choices(FORMATS))
    title_ky = _text(_l("Title (Kyrgyz)"), limits.TITLE_MAX)
    title_ru = _text(_l("Title (Russian)"), limits.TITLE_MAX)
    title_en = _text(_l("Title (English)"), limits.TITLE_MAX)
    description_ky = _area(_l("Description (Kyrgyz)"), limits.DESCRIPTION_MAX)
    description_ru = _area(_l("Description (Russian)"), limits.DESCRIPTION_MAX)
    description_en = _area(_l("Description (English)"), limits.DESCRIPTION_MAX)
    lead_agency_id = SelectField(_l("Lead agency"), coerce=int, validate_choice=False)
    co_executor_ids = CheckboxListField(_l("Co-executors"), coerce=int, validate_choice=False)
    target_groups = CheckboxListField(_l("Target groups"), choices=_choices(TARGET_GROUPS))
    regions = CheckboxListField(_l("Regions"), choices=_choices(REGIONS))
    languages = CheckboxListField(_l("Languages of delivery"), choices=_choices(DELIVERY_LANGUAGES))
    timing = RadioField(
        _l("Timing"),
        choices=lambda: select_choices(
            [("range", _l("A date range")), ("deadline", _l("A deadline"))]
        ),
        default="range",
    )
    starts_on = DateField(_l("Starts on"), validators=[Optional()])
    ends_on = DateField(_l("Ends on or due by"), validators=[InputRequired()])
    indicators = BoundedFieldList(
        FormField(IndicatorForm), min_entries=1, max_entries=limits.INDICATORS_MAX
    )
    budget = BudgetField(_l("Budget, som"), places=2, validators=[Optional(), NumberRange(min=0)])
    funding_source = SelectField(_l("Funding source"), choices=_choices(FUNDING_SOURCES, True))
    reminder_days = IntegerField(
        _l("Remind the lead agency, days before"),
        default=limits.DEFAULT_REMINDER_DAYS,
        validators=[Optional(), NumberRange(min=0, max=limits.REMINDER_DAYS_MAX)],
    )
    keywords_ky = _area(_l("Coverage keywords (Kyrgyz)"), limits.KEYWORDS_MAX)
    keywords_ru = _area(_l("Coverage keywords (Russian)"), limits.KEYWORDS_MAX)
    keywords_en = _area(_l("Coverage keywords (English)"), limits.KEYWORDS_MAX)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if (
            self.timing.data == "range"
            and self.starts_on.data is None
            and not self.starts_on.errors
        ):
            self.starts_on.errors.append(_l("Give the start date, or choose a deadline."))
            valid = False
        if self.indicators.entries_sent > limits.INDICATORS_MAX:
            # A plain string: the template shows the list's own errors apart from its entries'.
            message = _l("At most %(n)d indicators.", n=limits.INDICATORS_MAX)
            self.indicators.errors.append(str(message))
            valid = False
        return valid

    def to_data(self) -> PlanItemData:
        texts = {
            f"{name}_{lang}": getattr(self, f"{name}_{lang}").data or ""
            for name in ("title", "description", "keywords")
            for lang in ("ky", "ru", "en")
        }
        indicators = [
            IndicatorData(
                entry.form.text.data or "", entry.form.target.data, entry.form.unit.data or ""
            )
            for entry in self.indicators
            if not entry.form.is_blank()
        ]
        return PlanItemData(
            number=self.number.data or "",
            direction=self.direction.data,
            format=self.format.data,
            lead_agency_id=self.lead_agency_id.data,
            co_executor_ids=self.co_executor_ids.data or [],
            target_groups=self.target_groups.data or [],
            regions=self.regions.data or [],
            languages=self.languages.data or [],
            indicators=indicators,
            starts_on=self.starts_on.data if self.timing.data == "range" else None,
            ends_on=self.ends_on.data,
            budget=self.budget.data,
            funding_source=self.funding_source.data or None,
            reminder_days=self.reminder_days.data,
            **texts,
        )


class StatusForm(Form):
    version = VersionField()
    status = SelectField(_l("New status"), choices=_choices(STATUSES))
    reason = TextAreaField(_l("Reason"), validators=[Length(max=limits.REASON_MAX)])
