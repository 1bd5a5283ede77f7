"""Ana left her phone at home: one of the recovery codes she kept at set-up signs her in, once. She makes new
ones, and the old ones stop working."""

import re

import pytest

from maintainers.models import RecoveryCode
from tests.maintainers import PASSWORD, a_few_seconds_later, create, set_up, sign_in

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def ana_and_her_codes(client):
    user, link = create("ana", "--countries", "TH")
    return user, set_up(client, user, link)


def signs_in(client, user, code: str) -> bool:
    client.logout()
    sign_in(client, user, code)
    return client.get("/admin/").status_code == 200


def test_the_set_up_gives_ten_different_codes(ana_and_her_codes):
    _user, codes = ana_and_her_codes
    assert len(codes) == len(set(codes)) == 10


def test_a_recovery_code_signs_in_once_and_a_second_use_is_refused(client, ana_and_her_codes):
    user, codes = ana_and_her_codes
    assert signs_in(client, user, codes[3])
    assert not signs_in(client, user, codes[3])
    a_few_seconds_later(user)
    assert signs_in(client, user, codes[4].replace("-", " "))  # as typed from a sheet of paper
    assert RecoveryCode.objects.filter(device__user=user).count() == 8


def test_the_password_and_a_recovery_code_are_both_needed(client, ana_and_her_codes):
    user, codes = ana_and_her_codes
    client.post("/admin/login/", {"username": user.username, "password": "a wrong password", "otp_token": codes[0]})
    assert client.get("/admin/").status_code == 302
    assert not signs_in(client, user, "1234-5678-9012")


def test_a_code_of_another_maintainer_is_refused(client, ana_and_her_codes):
    _ana, codes = ana_and_her_codes
    somchai, link = create("somchai", "--countries", "TH")
    set_up(client, somchai, link)
    assert not signs_in(client, somchai, codes[0])


def test_codes_are_kept_only_as_hashes(ana_and_her_codes):
    user, codes = ana_and_her_codes
    kept = list(RecoveryCode.objects.filter(device__user=user).values_list("digest", flat=True))
    assert len(kept) == 10
    assert not any(code.replace("-", "") in digest or code in digest for code in codes for digest in kept)


def test_new_codes_replace_the_old_ones_and_need_the_password(client, ana_and_her_codes):
    user, codes = ana_and_her_codes
    assert signs_in(client, user, codes[0])
    page = client.get("/admin/recovery-codes/").content.decode()
    assert "<strong>9</strong> unused recovery codes" in page
    assert "<code>" not in client.post("/admin/recovery-codes/", {"password": "not my password"}).content.decode()
    assert RecoveryCode.objects.filter(device__user=user).count() == 9

    answer = client.post("/admin/recovery-codes/", {"password": PASSWORD}).content.decode()
    new_codes = re.findall(r"<code>([0-9-]+)</code>", answer)
    assert len(new_codes) == 10
    assert not signs_in(client, user, codes[1])  # an old one
    a_few_seconds_later(user)
    assert signs_in(client, user, new_codes[0])


def test_the_page_of_codes_is_only_for_a_signed_in_maintainer(client, ana_and_her_codes):
    response = client.get("/admin/recovery-codes/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
