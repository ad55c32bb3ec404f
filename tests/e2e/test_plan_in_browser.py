"""A coordinator's and a press officer's day, in a real browser against a real server."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e


def test_coordinator_filters_the_plan_and_postpones_an_item(page):
    log_in(page, "coordinator")
    # The start page is the user's work; the table shows the plan of this year.
    expect(page).to_have_url(re.compile(r"/home$"))
    page.goto("/plan")
    expect(page.locator("h1")).to_contain_text(str(datetime.date.today().year))
    rows = page.locator("table.plan-table tbody tr")
    assert rows.count() == 25

    page.select_option("select[name=region]", "osh")
    page.click("form.filters button[type=submit]")
    expect(page).to_have_url(re.compile(r"region=osh"))
    filtered = rows.count()
    assert 0 < filtered < 25

    page.fill("input[name=q]", "ТРЕНИНГ")
    page.click("form.filters button[type=submit]")
    assert "тренинг" in rows.first.locator("td a").inner_text().casefold()

    page.goto("/plan?status=in_progress")
    rows.first.locator("td a").click()

    page.select_option("select[name=status]", "postponed")
    page.click("form[action$='/status'] button[type=submit]")
    # Without a reason the form comes back with the error at the field and the choice kept.
    expect(page.locator("form[action$='/status'] .field.has-error")).to_be_visible()
    expect(page.locator("select[name=status]")).to_have_value("postponed")
    page.fill("textarea[name=reason]", "Перенос по просьбе партнёра")
    page.click("form[action$='/status'] button[type=submit]")
    expect(page.locator(".history")).to_contain_text("Перенос по просьбе партнёра")


def test_interface_switches_to_kyrgyz_and_stays(page):
    log_in(page, "viewer")
    page.click("form.langswitch button[value=ky]")
    expect(page.locator("html")).to_have_attribute("lang", "ky")
    page.goto("/plan")
    expect(page.locator("html")).to_have_attribute("lang", "ky")
    expect(page.locator("nav.mainnav")).not_to_contain_text("Медиаплан")


def test_press_officer_cannot_edit_another_agencys_item(page, server):
    log_in(page, "press_officer")
    page.goto("/plan")
    links = page.locator("table.plan-table tbody tr td:nth-child(2) a")
    # Item 1.1 is led by Kabar, not by the press officer's ministry.
    links.filter(has_text=re.compile("1.1|вербовки")).first.click()
    expect(page.locator("a.button", has_text=re.compile("Edit|Изменить|Өзгөртүү"))).to_have_count(0)
    response = page.request.get(page.url + "/edit")
    assert response.status == 403
