"""A traveller living in Belgium saw something in Thailand: the whole journey in a real browser."""

import re

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def headings(page) -> list[str]:
    return [text.strip() for text in page.locator("ol.steps > li > h2").all_inner_texts()]


def test_it_guides_a_traveller_on_a_phone_with_javascript(site, phone, artifacts):
    phone.goto(f"{site}/en/")
    phone.get_by_label("Yes").check()
    phone.get_by_label("A situation, in person").check()
    phone.get_by_label("Where did it happen?").select_option("TH")
    phone.get_by_label("Where do you live?").select_option("BE")
    phone.get_by_label("The suspected offender’s nationality, if you know it").select_option("FR")
    phone.screenshot(path=artifacts / "home-390.png", full_page=True)
    phone.get_by_role("button", name="Show me where to report").click()

    expect(phone).to_have_url(re.compile(r"/en/plan/\?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR"))
    assert headings(phone)[:4] == [
        "A child is in danger: if you are still in Thailand, call now",
        "Report in Thailand, where it happened",
        "Report in Belgium, where you live",
        "Report in France, the offender’s country",
    ]
    expect(phone.locator("a.call").first).to_have_attribute("href", re.compile(r"^tel:\d+$"))
    expect(phone.get_by_role("button", name="Print this plan")).to_be_visible()  # shown by the script
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "nothing overflows a 390 px screen"
    phone.screenshot(path=artifacts / "plan-390.png", full_page=True)


def test_it_works_without_javascript_in_french(site, phone_without_javascript, artifacts):
    page = phone_without_javascript
    page.goto(f"{site}/fr/")
    expect(page.get_by_label("Où vivez-vous ?")).to_have_value("BE")  # from the browser's fr-BE
    page.get_by_label("Non").check()
    page.get_by_label(re.compile("Une situation")).check()
    page.get_by_label("Où cela s’est-il passé ?").select_option("TH")
    page.get_by_role("button", name=re.compile("Montrez-moi")).click()

    assert "/fr/plan/" in page.url
    assert headings(page)[0].startswith("Signaler") and "Thaïlande" in headings(page)[0]
    expect(page.get_by_role("button", name="Imprimer ce plan")).to_be_hidden()  # no script, no button
    page.screenshot(path=artifacts / "plan-fr-nojs-390.png", full_page=True)


def test_it_can_be_used_with_the_keyboard_alone(site, phone):
    phone.goto(f"{site}/en/")
    phone.keyboard.press("Tab")  # skip link
    expect(phone.locator(".skip")).to_be_focused()
    phone.keyboard.press("Enter")
    for _ in range(20):  # move to the first question
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.name") == "danger":
            break
    phone.keyboard.press("Space")  # "Yes"
    phone.keyboard.press("Tab")
    phone.keyboard.press("Space")  # "A situation, in person"
    phone.keyboard.press("Tab")  # the search over the list of countries (static/js/country-picker.js)
    assert phone.evaluate("document.activeElement.id") == "id_happened-find"
    phone.keyboard.type("Thailand")
    phone.keyboard.press("Enter")  # the first match
    phone.keyboard.press("Tab")  # the list itself, now at Thailand
    assert phone.evaluate("[document.activeElement.name, document.activeElement.value]") == ["happened", "TH"]
    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")  # past the search, to the list: typing in it chooses too
    assert phone.evaluate("document.activeElement.name") == "lives"
    phone.keyboard.type("Belgium")
    for _ in range(3):  # the offender's country, searched or listed, is not needed
        phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")

    phone.wait_for_url(re.compile(r"/en/plan/"))
    assert "happened=TH" in phone.url and "lives=BE" in phone.url and "danger=yes" in phone.url
    assert headings(phone)[0] == "A child is in danger: if you are still in Thailand, call now"


def test_it_shows_what_is_wrong_when_an_answer_is_missing(site, phone_without_javascript):
    page = phone_without_javascript
    page.goto(f"{site}/fr/plan/?seen=in_person&happened=TH")
    expect(page.get_by_role("alert")).to_contain_text("Vérifiez vos réponses")


def test_the_danger_path_is_one_tap_away(site, phone, artifacts):
    phone.goto(f"{site}/en/countries/")
    phone.get_by_role("link", name=re.compile("child in danger right now", re.I)).click()
    phone.get_by_label("Which country are you in?").select_option("TH")
    phone.get_by_role("button", name="Show the emergency numbers").click()
    expect(phone.locator("a.call").first).to_be_visible()
    phone.screenshot(path=artifacts / "emergency-390.png", full_page=True)


def test_the_pages_look_right_on_a_desktop(site, desktop, artifacts):
    for name, path in [
        ("home", "/en/"),
        ("plan", "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR"),
        ("country", "/en/countries/th/"),
        ("countries", "/en/countries/"),
        ("online", "/en/plan/?danger=no&seen=online&happened=online&lives=GB"),
    ]:
        desktop.goto(site + path)
        assert desktop.evaluate("document.documentElement.scrollWidth") <= 1280
        desktop.screenshot(path=artifacts / f"{name}-desktop.png", full_page=True)


PLAN = "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR"


def test_the_first_phone_screen_says_what_to_do_in_order_and_every_call_dials_from_thailand(site, phone, artifacts):
    phone.goto(site + PLAN)
    todo = phone.locator("ol.todo > li")
    expect(todo.first).to_contain_text("Call 191 now")
    texts = todo.all_inner_texts()
    assert len(texts) >= 4 and "Thailand" in texts[1] and "Belgium" in texts[2] and "France" in texts[3]
    for item in todo.all():
        box = item.bounding_box()
        assert box and box["y"] + box["height"] <= 844, f"{item.inner_text()} is below the first screen"
    links = phone.eval_on_selector_all(
        "a[href^='tel:']:not(.home a)", "links => links.map(a => a.getAttribute('href'))"
    )  # all but the numbers for a witness already back in Belgium
    assert links
    for link in links:
        assert link.startswith("tel:+") or link[4:] in {"191", "1155", "1669", "199", "1300", "1387"}, link
    phone.screenshot(path=artifacts / "plan-first-screen-390.png")


def test_the_printed_plan_fits_on_two_pages_with_its_address_and_a_qr_code(site, browser, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3)
    page = context.new_page()
    page.goto(site + PLAN)
    page.emulate_media(media="print")
    qr = page.locator(".print-head svg.qr")
    expect(qr).to_be_visible()
    qr.screenshot(path=artifacts / "plan-qr.png")
    decoded = [result.text for result in zxingcpp.read_barcodes(Image.open(artifacts / "plan-qr.png"))]
    assert decoded == [page.url], "the printed QR code opens this plan"
    expect(page.locator(".change")).to_be_hidden()
    page.screenshot(path=artifacts / "plan-print.png", full_page=True)
    pdf = page.pdf(format="A4")
    (artifacts / "plan.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"the printed plan takes {pages} pages"
    context.close()


def test_a_phone_in_bangkok_finds_thailand_chosen_on_the_emergency_page(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE", timezone_id="Asia/Bangkok")
    page = context.new_page()
    page.goto(f"{site}/en/emergency/")
    expect(page.get_by_label("Which country are you in?")).to_have_value("TH")  # not Germany, from the language
    page.get_by_role("button", name="Show the emergency numbers").click()
    expect(page.locator('a[href="tel:191"]').first).to_be_visible()
    context.close()
