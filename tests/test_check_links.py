"""`manage.py check_links` finds the broken links, against a local server only — never the internet."""

import io
import socket
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from directory.models import Channel, Country

pytestmark = pytest.mark.usefixtures("empty_directory")


class Answers(BaseHTTPRequestHandler):
    routes = {"/ok": 200, "/missing": 404, "/error": 500}

    def do_GET(self):  # noqa: N802 - the name http.server calls
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(3)
        self.send_response(self.routes.get(self.path, 200))
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<p>page</p>")

    def log_message(self, *args):
        pass


@pytest.fixture
def local_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db
def test_it_marks_each_link_as_it_answers(local_site, client):
    Country.objects.create(code="TH")
    refused = f"http://127.0.0.1:{closed_port()}/"
    urls = {
        "ok": f"{local_site}/ok",
        "moved": f"{local_site}/moved",
        "missing": f"{local_site}/missing",
        "error": f"{local_site}/error",
        "slow": f"{local_site}/slow",
        "refused": refused,
    }
    for name, url in urls.items():
        Channel.objects.create(
            country_id="TH",
            name=name,
            kind="police",
            scope="both",
            url=url,
            source_url="https://example.org",
            source_title="A page",
            verified_on=date(2026, 10, 9),
            confidence="verified",
        )
    out = io.StringIO()
    call_command("check_links", "--timeout", "1", "--retries", "1", "--interval", "0", stdout=out)

    status = {c.name: (c.link_status, c.link_http_status) for c in Channel.objects.all()}
    assert status == {
        "ok": ("ok", 200),
        "moved": ("redirected", 200),
        "missing": ("broken", 404),
        "error": ("broken", 500),
        "slow": ("unreachable", None),
        "refused": ("unreachable", None),
    }
    assert Channel.objects.get(name="moved").link_final_url == f"{local_site}/ok"
    assert Channel.objects.get(name="ok").link_checked_at is not None
    assert "6 addresses" in out.getvalue()

    page = client.get("/en/countries/th/").content.decode()
    assert page.count("could not be reached at our last check") == 4
    assert f'href="{local_site}/missing"' in page  # still shown, marked
