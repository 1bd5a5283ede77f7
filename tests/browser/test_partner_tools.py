"""A partner embeds the widget in a page with a strict CSP, and prints a poster whose QR code works."""

import io
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def partner_site(site):
    """A travel company's own page, on another local origin, with a strict Content-Security-Policy."""
    page = (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Voyages Exemple</title></head><body>"
        "<h1>Votre voyage en Thaïlande</h1>"
        f'<iframe src="{site}/fr/partners/embed/th/" title="Don’t Look Away" width="320" height="210" '
        'loading="lazy" referrerpolicy="no-referrer"></iframe></body></html>'
    ).encode()
    policy = f"default-src 'none'; frame-src {site}; style-src 'none'; script-src 'none'"

    class PartnerPage(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", policy)
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), PartnerPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_the_widget_works_on_a_partner_page_with_a_strict_csp(partner_site, phone, artifacts):
    violations = []
    phone.on("console", lambda message: violations.append(message.text) if "Content Security" in message.text else None)
    phone.goto(partner_site)
    widget = phone.frame_locator("iframe[title='Don’t Look Away']")
    link = widget.get_by_role("link", name=re.compile("Où et comment signaler|Where and how to report"))
    expect(link).to_be_visible()
    expect(widget.locator(".widget-danger a")).to_have_attribute("href", re.compile(r"^tel:\d+$"))
    phone.screenshot(path=artifacts / "widget-on-partner-page-390.png")
    with phone.expect_popup() as popup:
        link.click()
    guide = popup.value
    guide.wait_for_load_state()
    assert re.search(r"/fr/\?happened=TH$", guide.url)
    assert violations == []


def test_the_widget_can_be_reached_and_used_with_the_keyboard(partner_site, phone):
    phone.goto(partner_site)
    widget = phone.frame_locator("iframe")
    expect(widget.locator(".widget-button")).to_be_visible()
    phone.keyboard.press("Tab")
    focused = widget.locator(":focus")
    expect(focused).to_have_class("widget-button")


def decode_qr(page, url: str) -> list[str]:
    page.set_viewport_size({"width": 800, "height": 1130})
    page.goto(url)
    image = Image.open(io.BytesIO(page.screenshot()))
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_a_french_poster_for_thailand_has_a_qr_code_to_the_thai_guide_in_french(site, desktop, artifacts):
    assert decode_qr(desktop, f"{site}/fr/partners/posters/th/a4.svg") == [f"{site}/fr/?happened=TH"]
    desktop.screenshot(path=artifacts / "poster-th-fr-a4.png")
    assert decode_qr(desktop, f"{site}/fr/partners/posters/th/card.svg") == [f"{site}/fr/?happened=TH"]
