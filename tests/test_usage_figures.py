"""How the guide is used, counted without tracking: per day and route only, even for cached plans."""

import json
import subprocess

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


@pytest.fixture
def no_counts(db):
    cache.clear()
    usage.flush()  # counts left by earlier tests
    PlanCount.objects.all().delete()


@pytest.mark.usefixtures("no_counts")
@pytest.mark.parametrize(
    "purpose",
    [{"Purpose": "prefetch"}, {"Sec-Purpose": "prefetch"}, {"Sec-Purpose": "prefetch;prerender"}],
)
def test_a_plan_fetched_ahead_of_time_is_served_but_not_counted(client, purpose):
    assert client.get(PLAN, headers=purpose).status_code == 200
    client.get(PLAN)  # the one a person opened
    assert usage.flush() == 1
    assert PlanCount.objects.get().count == 1


# The worker's own code, run in Node with the browser's caches and network stood in for: every request it
# makes by itself, to keep pages for later, must say it is a prefetch.
WORKER_HARNESS = """
const vm = require("vm");
const sent = [];
const saved = {
  match: async () => undefined,
  put: async () => undefined,
  add: async (request) => { sent.push(["add", request.url, request.headers.get("Purpose")]); },
};
const context = {
  self: { addEventListener() {}, location: { origin: "http://site" } },
  caches: { open: async () => saved },
  fetch: async (address, init) => {
    sent.push(["fetch", String(address), new Request(new URL(address, "http://site"), init).headers.get("Purpose")]);
    return { ok: true };
  },
  // In a worker a relative address is read against the worker's own; here, against the site's.
  Request: class extends Request { constructor(input, init) { super(new URL(input, "http://site"), init); } },
  URL, Response, Promise, console,
};
vm.runInNewContext(require("fs").readFileSync(0, "utf8") + ";this.keepForLater = keepForLater;", context);
context.keepForLater(new URL("http://site/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE"), saved)
  .then(() => console.log(JSON.stringify(sent)));
"""


def test_every_page_the_service_worker_keeps_for_later_is_asked_for_as_a_prefetch(client):
    worker = client.get("/sw.js").content.decode()
    node = subprocess.run(  # noqa: S603 - a fixed program on our own file
        ["node", "-e", WORKER_HARNESS], input=worker, capture_output=True, text=True, timeout=30, check=True
    )
    sent = json.loads(node.stdout)
    added = [address for kind, address, _ in sent if kind == "add"]
    assert len(added) == 6  # the plan for every answer to the other questions, the composer and "My reports"
    assert {"http://site/en/write-it-down/", "http://site/en/my-reports/"} <= set(added)
    assert any("/en/offline/?country=TH" in address for _, address, _ in sent)
    assert {purpose for _, _, purpose in sent} == {"prefetch"}


@pytest.mark.usefixtures("no_counts")
def test_counts_from_two_workers_add_up_in_the_database(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(PLAN)
    usage.flush()  # the first worker makes the day's row
    client.get(PLAN)
    client.get(PLAN)
    with CaptureQueriesContext(connection) as queries:
        usage.flush()  # the second adds to it, in the database: no total read and written back
    updates = [query["sql"] for query in queries if query["sql"].startswith("UPDATE")]
    assert len(updates) == 1 and '"count" = ("guide_plancount"."count" + 2)' in updates[0]
    assert not any(query["sql"].startswith("SELECT") for query in queries)
    assert PlanCount.objects.get().count == 3


@pytest.mark.usefixtures("no_counts")
def test_a_row_another_worker_made_in_between_is_added_to_not_lost(client, monkeypatch):
    from datetime import date

    from django.db.models import QuerySet

    client.get(PLAN)
    # Another worker's row for the same day and route, committed just after our update found none.
    PlanCount.objects.create(day=date.today(), happened="TH", lives="BE", seen="in_person", count=5)
    update, missed = QuerySet.update, []

    def update_before_the_other_worker_inserted(queryset, **values):
        if queryset.model is PlanCount and not missed:
            missed.append(True)
            return 0
        return update(queryset, **values)

    monkeypatch.setattr(QuerySet, "update", update_before_the_other_worker_inserted)
    assert usage.flush() == 1
    assert missed and PlanCount.objects.get().count == 5 + 1
