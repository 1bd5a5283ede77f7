"""The partners page hands out the widget snippet, posters and open data."""

import pytest

pytestmark = pytest.mark.usefixtures("loaded_directory")


def test_it_generates_the_snippet_for_a_chosen_country_and_language(client):
    page = client.get("/en/partners/", {"country": "TH", "language": "fr"}).content.decode()
    assert '&lt;iframe src="http://testserver/fr/partners/embed/th/"' in page
    assert 'href="/fr/partners/posters/th/a4.svg"' in page and 'href="/fr/partners/posters/th/card.svg"' in page


def test_the_widget_may_be_framed_anywhere_but_runs_no_script(client):
    response = client.get("/fr/partners/embed/th/")
    assert response.status_code == 200 and "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy and "script-src 'none'" in policy
    assert "<script" not in response.content.decode()
    assert not response.cookies


def test_other_pages_still_refuse_to_be_framed(client):
    assert client.get("/en/partners/")["X-Frame-Options"] == "DENY"


def test_a_poster_is_an_svg_with_the_emergency_number(client):
    response = client.get("/en/partners/posters/th/a4.svg")
    assert response["Content-Type"].startswith("image/svg+xml")
    assert ">191</text>" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/en/partners/posters/zz/a4.svg", "/en/partners/posters/th/a0.svg", "/en/partners/embed/zz/"]
)
def test_an_unknown_country_or_format_is_a_404(client, path):
    assert client.get(path).status_code == 404
