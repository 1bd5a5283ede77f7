"""Whatever a maintainer types into any text field, the public pages show it as text, never as code."""

from datetime import date
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.db import models

from directory.models import Channel, Country, EmergencyNumber, Jurisdiction

SCRIPT = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_directory")]


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def hostile(model, **fixed):
    """An object whose every free-text field holds a script and whose address fields hold javascript:."""
    values = dict(fixed)
    for field in model._meta.get_fields():
        if field.name in values or not getattr(field, "editable", False) or field.is_relation:
            continue
        if isinstance(field, models.URLField):
            values[field.name] = "javascript:alert(1)"
        elif isinstance(field, (models.CharField, models.TextField)) and not field.choices:
            values[field.name] = SCRIPT[: field.max_length] if field.max_length else SCRIPT
    return model.objects.create(**values)


def test_script_and_javascript_payloads_in_every_directory_field_never_reach_a_page_as_code(client):
    Country.objects.create(code="TH")
    common = dict(country_id="TH", verified_on=date(2026, 10, 9), confidence="verified")
    hostile(Channel, kind="police", scope="both", phone="1555", email="a@example.org", **common)
    hostile(EmergencyNumber, service="police", number="191", **common)
    hostile(Jurisdiction, nationals=True, **common)
    cache.clear()
    for path in (
        "/en/countries/th/",
        "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=TH",
        "/en/emergency/?country=TH",
    ):
        page = client.get(path).content.decode()
        parser = Elements()
        parser.feed(page)
        assert not [tag for tag, _ in parser.found if tag == "img" or (tag == "script" and "src" not in _)], path
        assert not [
            a
            for tag, a in parser.found
            for name, value in a.items()
            if name.startswith("on") or (value or "").lower().startswith("javascript:")
        ], path
        assert '<script>alert("x")' not in page, path


def test_the_api_serves_such_text_as_json_that_a_browser_never_renders(client):
    Country.objects.create(code="TH")
    hostile(Channel, kind="police", scope="both", country_id="TH", verified_on=date(2026, 10, 9), confidence="verified")
    response = client.get("/api/v1/countries/th")
    assert response["Content-Type"] == "application/json" and response["X-Content-Type-Options"] == "nosniff"
