"""The fixed vocabularies of a plan item, with their labels in the user's language."""

from flask_babel import lazy_gettext as _l

DIRECTIONS = {
    "media_plan": _l("Media plan of events"),
    "media_relations": _l("Work with media organisations and journalists"),
}

FORMATS = {
    "publication": _l("Publication"),
    "broadcast": _l("TV or radio programme"),
    "video_infographic": _l("Video or infographic"),
    "press_conference": _l("Press conference or briefing"),
    "roundtable": _l("Roundtable or conference"),
    "journalist_training": _l("Journalist training"),
    "social_campaign": _l("Social-media campaign"),
    "counter_narrative": _l("Counter-narrative material"),
    "monitoring_report": _l("Social-media monitoring report"),
    "other": _l("Other"),
}

STATUSES = {
    "planned": _l("Planned"),
    "in_progress": _l("In progress"),
    "done": _l("Done"),
    "postponed": _l("Postponed"),
    "cancelled": _l("Cancelled"),
}

# Which status may follow which. Reopening a finished or cancelled item is allowed but,
# like postponing and cancelling, has to say why.
TRANSITIONS = {
    "planned": ("in_progress", "done", "postponed", "cancelled"),
    "in_progress": ("done", "postponed", "cancelled"),
    "postponed": ("planned", "in_progress", "done", "cancelled"),
    "done": ("in_progress",),
    "cancelled": ("planned",),
}
REASON_REQUIRED_FROM = ("done", "cancelled")
REASON_REQUIRED_TO = ("postponed", "cancelled")

REGIONS = {
    "nationwide": _l("Nationwide"),
    "bishkek": _l("Bishkek city"),
    "osh_city": _l("Osh city"),
    "batken": _l("Batken region"),
    "jalal_abad": _l("Jalal-Abad region"),
    "issyk_kul": _l("Issyk-Kul region"),
    "naryn": _l("Naryn region"),
    "osh": _l("Osh region"),
    "talas": _l("Talas region"),
    "chui": _l("Chui region"),
}

TARGET_GROUPS = {
    "youth": _l("Youth"),
    "women": _l("Women and their children"),
    "migrants": _l("Migrants"),
    "closed_communities": _l("Closed communities"),
    "vulnerable_people": _l("People in hard life situations"),
    "religious_figures": _l("Religious figures"),
    "civil_servants": _l("Staff of state bodies"),
    "local_government": _l("Staff of local self-government"),
    "journalists": _l("Journalists and editorial offices"),
    "bloggers": _l("Bloggers and active social-media users"),
    "general_public": _l("General public"),
}

DELIVERY_LANGUAGES = {
    "ky": _l("Kyrgyz"),
    "ru": _l("Russian"),
    "uz": _l("Uzbek"),
    "en": _l("English"),
}

FUNDING_SOURCES = {
    "republican_budget": _l("Republican budget"),
    "local_budget": _l("Local budget"),
    "donor": _l("International donor"),
    "ngo": _l("NGO"),
    "other": _l("Other"),
}

# Tag kinds stored in plan_item_tags, with their vocabularies.
TAG_VOCABULARIES = {
    "region": REGIONS,
    "target_group": TARGET_GROUPS,
    "language": DELIVERY_LANGUAGES,
}

# The vocabularies templates show labels of, by the name they use (``label("status", code)``).
VOCABULARIES = {
    "direction": DIRECTIONS,
    "format": FORMATS,
    "status": STATUSES,
    **TAG_VOCABULARIES,
    "funding_source": FUNDING_SOURCES,
}
