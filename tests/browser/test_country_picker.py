"""The country in two taps: a few letters, in the page's language, in English or in the country's own, then the
country. The list stays what the form sends, and without JavaScript it is all there is."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser


SEARCH = "Type a country’s name to find it"
FRENCH = "Tapez le nom du pays pour le trouver"
GERMAN = "Geben Sie den Namen des Landes ein, um es zu finden"


def find(page, question: str, typed: str, search: str = SEARCH):
    """Type into the search field over the list the question names (`question` its list's id); the matches."""
    field = page.locator(f"#{question}-find")
    expect(field).to_have_role("combobox")
    expect(field).to_have_accessible_name(search)
    expect(field).to_have_accessible_description(page.locator(f"label[for={question}]").inner_text())
    field.fill(typed)
    matches = page.locator(f"#{question}-find-list").get_by_role("option")
    matches.first.wait_for()
    return field, matches


def test_thailand_is_found_by_thai_and_by_its_own_name_and_chosen_in_one_tap(site, phone, artifacts):
    phone.goto(f"{site}/en/")
    _field, matches = find(phone, "id_happened", "thai")
    assert matches.first.inner_text() == "Thailand"
    results = Axe().run(phone, options=AXE_OPTIONS)  # with the matches open
    assert results.violations_count == 0, results.generate_report()
    matches.first.click()
    assert phone.locator("#id_happened").input_value() == "TH"

    phone.goto(f"{site}/en/emergency/")
    _field, matches = find(phone, "country", "ประเทศไทย")
    assert matches.all_inner_texts() == ["Thailand"]
    phone.screenshot(path=artifacts / "country-picker-390.png", full_page=True)
    matches.first.click()
    assert phone.locator("#country").input_value() == "TH"
    phone.get_by_role("button", name="Show the emergency numbers").click()
    assert "Thailand" in phone.locator("h1").inner_text()


def test_the_names_travellers_use_find_the_country_on_a_page_in_another_language(site, phone):
    phone.goto(f"{site}/de/")
    _field, matches = find(phone, "id_happened", "bali", GERMAN)
    assert matches.all_inner_texts() == ["Indonesien"]
    _field, matches = find(phone, "id_lives", "holland", GERMAN)
    assert matches.all_inner_texts() == ["Niederlande"]


def test_from_landing_to_a_plan_in_five_taps_with_the_keyboard_too(site, phone):
    """Two answers, two countries found by a few letters (Enter takes the first match), and the button."""
    phone.goto(f"{site}/fr/")
    phone.get_by_role("radio", name="Non", exact=True).check()  # tap 1
    phone.get_by_label("Une situation, en personne").check()  # tap 2
    field, matches = find(phone, "id_happened", "thail", FRENCH)
    assert matches.first.inner_text() == "Thaïlande"
    field.press("Enter")  # tap 3: the first match
    field, matches = find(phone, "id_lives", "belgi", FRENCH)
    field.press("ArrowDown")
    assert matches.first.get_attribute("aria-selected") == "true"
    assert field.get_attribute("aria-activedescendant") == matches.first.get_attribute("id")
    field.press("Enter")  # tap 4
    assert phone.locator("#id_lives").input_value() == "BE"
    phone.get_by_role("button", name="Montrez-moi où signaler").click()  # tap 5
    phone.wait_for_url("**/fr/plan/**")
    assert "happened=TH" in phone.url and "lives=BE" in phone.url


def test_nothing_typed_matches_nothing_and_a_wrong_guess_changes_no_answer(site, phone):
    phone.goto(f"{site}/en/")
    before = phone.locator("#id_lives").input_value()
    field = phone.locator("#id_lives-find")
    field.fill("zzzz")
    assert field.get_attribute("aria-expanded") == "false"
    assert phone.get_by_role("status").filter(has_text="Countries found: 0").count() == 1
    assert phone.locator("#id_lives").input_value() == before


def test_without_javascript_the_list_is_all_there_is(site, phone_without_javascript):
    page = phone_without_javascript
    page.goto(f"{site}/en/")
    assert page.locator(".country-find").count() == 0  # only the lists themselves
    page.locator("#id_happened").select_option("TH")
    assert page.locator("#id_happened").input_value() == "TH"
