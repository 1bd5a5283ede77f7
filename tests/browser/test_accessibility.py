"""axe-core finds no WCAG 2.2 A/AA violation on the pages witnesses use."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR",
        "/en/countries/th/",
        "/de/countries/tv/",
        "/en/write-it-down/",
        "/en/not-sure/?danger=no&seen=in_person&happened=TH&lives=BE",
        "/ar/not-sure/",
        "/en/my-reports/",
        "/en/emergency/?country=TH",
        "/fr/plan/?seen=in_person",
    ],
)
def test_a_page_has_no_accessibility_violation(site, phone, path):
    phone.goto(site + path)
    results = Axe().run(phone, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
