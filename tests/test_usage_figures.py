"""How the guide is used, counted without tracking: per day and route only, even for cached plans."""

import pytest
from django.core.cache import cache

from guide import usage
from guide.models import PlanCount

pytestmark = pytest.mark.usefixtures("loaded_directory")
PLAN = "/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE"


def test_every_completed_plan_is_counted_by_route_only_and_a_cached_one_costs_no_query(
    client, django_assert_num_queries
):
    cache.clear()
    usage.flush()  # counts left by earlier tests
    PlanCount.objects.all().delete()
    client.get(PLAN)
    with django_assert_num_queries(0):
        client.get(PLAN)  # from the page cache: counted in memory
    client.get("/en/plan/?danger=maybe")  # not a completed plan
    client.get("/en/plan/?danger=yes&seen=online&happened=online&lives=GB")
    assert usage.flush() == 3
    counts = {(c.happened, c.lives, c.seen): c.count for c in PlanCount.objects.all()}
    assert counts == {("TH", "BE", "in_person"): 2, ("online", "GB", "online"): 1}
    assert [field.name for field in PlanCount._meta.get_fields()] == ["id", "day", "happened", "lives", "seen", "count"]


def test_public_figures_under_ten_are_not_shown(client):
    from datetime import date

    cache.clear()
    PlanCount.objects.create(day=date.today(), happened="TH", lives="BE", seen="in_person", count=4)
    PlanCount.objects.create(day=date.today(), happened="KH", lives="FR", seen="in_person", count=25)
    page = client.get("/en/about-our-data/").content.decode()
    assert "<td>25</td>" in page and "<td>&lt; 10</td>" in page and "<td>4</td>" not in page
