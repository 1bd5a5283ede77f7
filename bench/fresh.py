"""Fresh plans for `make bench`: every request a plan nobody asked for before, as a campaign's long tail brings.

wrk draws each request at random from every country (where it happened, where the witness lives, the offender's
nationality), both kinds of sighting, both danger answers and every interface language: 249 × 249 × 250 × 2 × 2 ×
26 addresses, so the page cache almost never answers and what is measured is the app making plans.
"""

import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / ".venv" / "bin" / "python"

# Queries per plan, counted inside a worker-like process: warm it with plans, then count over fresh ones.
COUNT_QUERIES = """
import json, random
import django
django.setup()
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from directory.countries import ISO_CODES
settings.USAGE_FLUSH_SECONDS = 0  # the counts' batched write is not part of serving a plan
codes, languages = sorted(ISO_CODES), [code for code, _ in settings.LANGUAGES]
draw = random.Random(7)
def plan():
    seen = draw.choice(["in_person", "online"])
    return (f"/{draw.choice(languages)}/plan/?danger={draw.choice(['yes', 'no'])}&seen={seen}"
            f"&happened={draw.choice(codes)}&lives={draw.choice(codes)}&nationality={draw.choice(codes)}")
import time
from collections import Counter
import guide.views as views
spent = Counter()
def timed(part, function):
    def timing(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[part] += time.perf_counter() - started
    return timing
views.build_plan, views.plan_qr = timed("routing", views.build_plan), timed("QR code", views.plan_qr)
views.render = timed("templates", views.render)
client = Client(SERVER_NAME="127.0.0.1")
statuses = {client.get(plan()).status_code for _ in range(300)}
spent.clear()
started = time.perf_counter()
with CaptureQueriesContext(connection) as queries:
    statuses |= {client.get(plan()).status_code for _ in range(200)}
total = time.perf_counter() - started
# Where a fresh plan's time goes, in one process (ms a plan); "the rest" is the request, form, cache and gzip.
parts = {part: round(seconds / 200 * 1000, 1) for part, seconds in spent.items()}
rest = round((total - sum(spent.values())) / 200 * 1000, 1)
parts = {"in all": round(total / 200 * 1000, 1), **parts, "the rest": rest}
print(json.dumps({"codes": codes, "languages": languages, "queries": len(queries) / 200, "statuses": sorted(statuses),
                  "parts": parts}))
"""

LUA = """
local codes = {%(codes)s}
local languages = {%(languages)s}
local seen = {"in_person", "online"}
local danger = {"yes", "no"}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end
function init(args)
  math.randomseed(seed * 7919)
end
local function pick(list)
  return list[math.random(#list)]
end
request = function()
  local path = "/" .. pick(languages) .. "/plan/?danger=" .. pick(danger) .. "&seen=" .. pick(seen)
    .. "&happened=" .. pick(codes) .. "&lives=" .. pick(codes) .. "&nationality=" .. pick(codes)
  return wrk.format("GET", path)
end
"""


def queries_per_plan(env: dict) -> dict:
    """The directory's codes and languages, and the queries a warm process makes per fresh plan."""
    counted = subprocess.run(
        [str(PY), "-c", COUNT_QUERIES],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "dontlookaway.settings"},
        text=True,
        capture_output=True,
    )
    if counted.returncode:
        raise SystemExit(f"Counting the queries of a plan failed:\n{counted.stderr}")
    return json.loads(counted.stdout.strip().splitlines()[-1])


def fresh_plans(base: str, work: Path, codes: list[str], languages: list[str], seconds: int = 20) -> dict:
    """Fresh plans at 32 connections: plans/s, latency, and how many were not a 200."""
    script = work / "fresh-plans.lua"
    quoted = lambda values: ", ".join(f'"{value}"' for value in values)  # noqa: E731 - two uses, one line
    script.write_text(LUA % {"codes": quoted(codes), "languages": quoted(languages)})
    # Three seconds of warm-up: each worker's first plans import and compile what later ones reuse.
    return measure(base, 3, seconds, "-s", str(script))


def measure(url: str, warm_up: int, seconds: int, *options: str) -> dict:
    """wrk at 32 connections: a short run first, not measured (cache fills, lazy imports, a worker's first
    answers are not what a visitor meets once a campaign is running), then the measured one."""
    subprocess.run(["wrk", "-t2", "-c32", f"-d{warm_up}s", *options, url], check=True, capture_output=True)
    output = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", *options, url], check=True, text=True, capture_output=True
    ).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> dict:
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {f"p{p}": re.search(rf"\s{p}%\s+([\d.]+\w+)", output).group(1) for p in ("50", "90", "99")}
    total = int(re.search(r"(\d+) requests in", output).group(1))
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": rate,
        **latency,
        "requests": total,
        "non_2xx": int(failed.group(1)) if failed else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }
