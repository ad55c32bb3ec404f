"""Sizes and patterns a plan item must fit, shared by forms, the API and the service."""

import re
from decimal import Decimal

NUMBER_PATTERN = re.compile(r"^\d{1,3}(\.\d{1,3}){0,3}$")
NUMBER_MAX = 20
TITLE_MAX = 300
DESCRIPTION_MAX = 5000
KEYWORDS_MAX = 2000
REASON_MAX = 2000
INDICATOR_TEXT_MAX = 500
INDICATOR_UNIT_MAX = 60
INDICATORS_MAX = 20
CO_EXECUTORS_MAX = 30
TARGET_MAX = 1_000_000_000
BUDGET_MAX = Decimal("1000000000000")
DEFAULT_REMINDER_DAYS = 3
REMINDER_DAYS_MAX = 90
