"""The witness's privacy and the site's security baseline, checked on every public page."""

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import RequestFactory

from dontlookaway.middleware import ADDRESS_HEADERS, forget_client_address

pytestmark = pytest.mark.usefixtures("loaded_directory")
PUBLIC_PAGES = [
    "/en/write-it-down/",
    "/en/",
    "/fr/",
    "/nl/",
    "/de/",
    "/en/countries/",
    "/en/countries/th/",
    "/de/countries/be/",
    "/en/countries/tv/",
    "/en/emergency/",
    "/en/emergency/?country=TH",
    "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR",
    "/nl/plan/?danger=no&seen=online&happened=online&lives=NL",
    "/en/plan/?danger=maybe",
]


class References(HTMLParser):
    """Every address a page makes the browser load or send to, and every link it offers."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []  # fetched without a click: src, stylesheet, form targets
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "srcset", "action", "formaction", "poster", "data"):
            if attrs.get(name):
                self.loaded.append(attrs[name])
        if attrs.get("href"):
            (self.links if tag == "a" else self.loaded).append(attrs["href"])


def references(page: str) -> References:
    parser = References()
    parser.feed(page)
    return parser


def is_first_party(address: str) -> bool:
    parts = urlsplit(address)
    return not parts.scheme and not parts.netloc or parts.netloc == "testserver"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_public_page_sets_no_cookie_and_varies_on_no_cookie(client, path):
    response = client.get(path)
    assert response.status_code in (200, 400)
    assert not response.cookies, f"{path} set {list(response.cookies)}"
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_public_page_makes_no_third_party_request(client, path, loaded_directory):
    found = references(client.get(path).content.decode())
    assert found.loaded, "the page loads its stylesheet at least"
    third_party = [address for address in found.loaded if not is_first_party(address)]
    assert third_party == []
    # Links to other sites are only those of the directory (official channels and their sources) and the
    # neutral page of the quick exit.
    directory_links = {settings.QUICK_EXIT_URL} | {
        c.url for r in loaded_directory.countries.values() for c in r.channels
    }
    directory_links |= {c.source.url for r in loaded_directory.countries.values() for c in r.channels}
    directory_links |= {n.source.url for r in loaded_directory.countries.values() for n in r.emergency_numbers}
    directory_links |= {r.jurisdiction.source.url for r in loaded_directory.countries.values() if r.jurisdiction}
    directory_links |= {c.url for c in loaded_directory.international} | {
        c.source.url for c in loaded_directory.international
    }
    offsite = [link for link in found.links if urlsplit(link).scheme in ("http", "https") and not is_first_party(link)]
    assert [link for link in offsite if link not in directory_links] == []


def test_the_content_security_policy_allows_only_first_party_scripts_and_no_inline_code(client):
    response = client.get("/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE")
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", response.content.decode(), re.S)
    assert scripts, "the plan page has its print button script"
    assert all('src="/static/' in attributes and not body.strip() for attributes, body in scripts)


def test_the_security_headers_are_sent(client):
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Frame-Options"] == "DENY"


def test_the_visitors_address_is_forgotten_before_anything_can_record_it():
    seen = {}

    def view(request):
        seen.update({key: request.META.get(key) for key in ("REMOTE_ADDR", "HTTP_X_FORWARDED_FOR")})

    request = RequestFactory().get("/en/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.7")
    forget_client_address(view)(request)
    assert seen == {"REMOTE_ADDR": "", "HTTP_X_FORWARDED_FOR": ""}


@pytest.mark.parametrize(
    "header",
    [
        "HTTP_X_REAL_IP",
        "HTTP_FORWARDED",
        "HTTP_CF_CONNECTING_IP",
        "HTTP_TRUE_CLIENT_IP",
        "HTTP_X_CLIENT_IP",
        "HTTP_X_CLUSTER_CLIENT_IP",
        "HTTP_FASTLY_CLIENT_IP",
        "HTTP_X_ORIGINAL_FORWARDED_FOR",
    ],
)
def test_an_address_a_cdn_or_proxy_passes_on_is_forgotten_too(header):
    seen = {}

    def view(request):
        seen.update({key: value for key, value in request.META.items() if "198.51.100.7" in str(value)})

    forget_client_address(view)(RequestFactory().get("/en/", **{header: "198.51.100.7"}))
    assert seen == {}


SEEN_BY_MIDDLEWARE: list[tuple[str, str]] = []


def spy(get_response):
    """Put before each middleware by the test below: what that middleware would see of the visitor's address."""

    def middleware(request):
        SEEN_BY_MIDDLEWARE.extend((name, request.META.get(name, "")) for name in ADDRESS_HEADERS)
        return get_response(request)

    return middleware


def test_no_middleware_and_no_view_sees_the_visitors_address(client, settings):
    """Through the whole stack: forgetting the address comes before every other middleware, so none of them
    (sessions, the lockout, the history, the messages) nor any view can record it. This fails if the middleware
    is removed, or moved after any other."""
    forget = "dontlookaway.middleware.forget_client_address"
    settings.MIDDLEWARE = [
        part for name in settings.MIDDLEWARE for part in ((name,) if name == forget else (f"{__name__}.spy", name))
    ]
    SEEN_BY_MIDDLEWARE.clear()
    visitor = {header: "203.0.113.9" for header in ADDRESS_HEADERS}
    client.get("/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE", **visitor)
    client.post("/admin/login/", {"username": "nobody", "password": "wrong", "otp_token": "123456"}, **visitor)
    client.get("/en/countries/zz/", **visitor)
    assert len(SEEN_BY_MIDDLEWARE) >= 3 * len(ADDRESS_HEADERS) * (len(settings.MIDDLEWARE) // 2)
    assert {value for _name, value in SEEN_BY_MIDDLEWARE} == {""}


def test_the_site_does_not_log_the_visitors_address(client, caplog):
    caplog.set_level("DEBUG")
    client.get("/en/plan/?danger=maybe", REMOTE_ADDR="203.0.113.9")
    client.get("/en/countries/zz/", REMOTE_ADDR="203.0.113.9")
    assert "203.0.113.9" not in caplog.text


def production_environment(**extra) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "dontlookaway.settings", **extra})
    return env


def manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env=production_environment(ALLOWED_HOSTS="example.org"))
    assert result.returncode != 0 and "Set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", env=production_environment(SECRET_KEY="k" * 20 + "-a-long-random-value-0123456789-xyz"))
    assert result.returncode != 0 and "Set ALLOWED_HOSTS" in result.stderr


def test_the_deployment_checklist_is_clean_under_production_settings():
    secret = "q9Vb7-long-random-production-secret-key-8c2f0e1d5a3b6c4d9e7f"
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_environment(SECRET_KEY=secret, ALLOWED_HOSTS="example.org"),
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
