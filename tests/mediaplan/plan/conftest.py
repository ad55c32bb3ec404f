"""Fixtures for the plan's web tests: a valid item form and item lookups."""

import pytest


@pytest.fixture
def item_form(agency):
    """``item_form(**changes)``: the fields of a valid item form; a change to None drops a field."""

    def build(**changes) -> dict:
        data = {
            "number": "7.1",
            "direction": "media_plan",
            "format": "publication",
            "title_ky": "Жаштар үчүн макалалар сериясы",
            "title_ru": "Серия статей для молодёжи",
            "title_en": "Series of articles for young people",
            "description_ru": "Статьи о признаках вербовки в соцсетях.",
            "lead_agency_id": str(agency.id),
            "timing": "range",
            "starts_on": "2025-03-01",
            "ends_on": "2025-03-31",
            "regions": ["bishkek", "osh"],
            "target_groups": ["youth"],
            "languages": ["ky", "ru"],
            "indicators-0-text": "Опубликованных статей",
            "indicators-0-target": "6",
            "indicators-0-unit": "шт.",
            "budget": "15000.50",
            "funding_source": "republican_budget",
            "keywords_ru": "вербовка, соцсети",
        } | changes
        return {key: value for key, value in data.items() if value is not None}

    return build


@pytest.fixture
def load_item(app, db):
    """``load_item(id)``: a fresh copy of an item with its relationships loaded, or None."""

    def load(item_id: int):
        from mediaplan.plan.queries import item_for_page

        with app.app_context():
            item = item_for_page(item_id)
            if item is not None:
                # Touch what tests read, so the detached copy has it.
                _ = item.co_executors, item.tags, item.indicators, item.status_changes, item.plan
            return item

    return load
