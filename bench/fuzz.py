"""make fuzz: tens of thousands of generated requests at the whole application, counting every 5xx.

Two kinds, over the shipped directory loaded into a fresh SQLite file (never the local copy's database):
- the API: schemathesis generates requests from the OpenAPI description and checks every answer against it
  (status, content type, schema), a fixed number per operation, deterministically (the same every run);
- the public pages: every public route with generated query strings (real answers, codes in every case, junk,
  very long and non-Latin values, unknown parameters) and Accept-Language headers, from a fixed seed.
Each runs in its own process on a copy of the database. Prints the figures and exits non-zero on any 5xx, schema
violation or unhandled exception. The suite fuzzes a small sample of the same on every run (tests/test_api_schema.py).
"""

import logging
import os
import random
import shutil
import string
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
API_CASES_PER_OPERATION = int(os.environ.get("FUZZ_API_CASES", "3000"))
PAGE_REQUESTS = int(os.environ.get("FUZZ_PAGE_REQUESTS", "21000"))  # per page process
PAGE_PROCESSES = 2
SEED = 20261203

PAGES = (
    "/",
    "/robots.txt",
    "/sitemap.xml",
    "/{lang}/",
    "/{lang}/plan/",
    "/{lang}/emergency/",
    "/{lang}/write-it-down/",
    "/{lang}/not-sure/",
    "/{lang}/my-reports/",
    "/{lang}/offline/",
    "/{lang}/manifest.webmanifest",
    "/{lang}/countries/",
    "/{lang}/countries/{code}/",
    "/{lang}/about-our-data/",
    "/{lang}/about-our-data/map.svg",
    "/{lang}/partners/",
    "/{lang}/partners/api/",
    "/{lang}/partners/embed/{code}/",
    "/{lang}/partners/posters/{code}/a4.svg",
    "/{lang}/pages/{slug}/",
    "/{lang}/news/",
    "/{lang}/news/feed/",
    "/{lang}/news/{slug}/",
    "/{lang}/corrections/",
)
PARAMETERS = ("danger", "seen", "happened", "lives", "nationality", "country", "to", "q", "page", "lang", "utm_source")
SLUGS = ("privacy", "how-to-report", "recognise-the-signs", "world-cup-campaign", "no-such-page", "..", "%2e%2e")


def set_up_django(database: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "dontlookaway.settings"
    os.environ["DJANGO_TESTING"] = "true"  # no production checks, fast password hashing, no real Redis
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SECRET_KEY", "fuzz-only")
    import django

    django.setup()


def load(database: Path) -> None:
    import io

    set_up_django(database)
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)
    call_command("load_directory", stdout=io.StringIO())
    call_command("load_content", stdout=io.StringIO())


def value(rng: random.Random, codes: list[str]) -> str:
    kind = rng.randrange(10)
    if kind < 4:
        code = rng.choice(codes)
        return rng.choice((code, code.lower(), code.title(), f" {code} "))
    if kind == 4:
        return rng.choice(("yes", "no", "maybe", "in_person", "online", "", "true", "0", "null"))
    if kind == 5:
        return "".join(rng.choice(string.printable) for _ in range(rng.randrange(1, 40)))
    if kind == 6:
        return "".join(chr(rng.choice((rng.randrange(0x20, 0xD800), rng.randrange(0xE000, 0x2FFFF)))) for _ in range(9))
    if kind == 7:
        return "A" * rng.choice((3, 300, 3000))
    if kind == 8:
        return rng.choice(("<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "\x00", "🙂"))
    return str(rng.randrange(-(10**12), 10**12))


def fuzz_pages(args: tuple[Path, int]) -> Counter:
    database, seed = args
    set_up_django(database)
    from django.conf import settings
    from django.test import Client

    from directory.countries import ISO_CODES

    codes = sorted(ISO_CODES)
    languages = [*settings.LANGUAGE_CODES, "xx", "EN", "zh-hans", "pt-br"]
    rng = random.Random(seed)  # noqa: S311 - the same requests every run, not a secret
    client = Client(raise_request_exception=False, HTTP_HOST="localhost")
    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # each 4xx would print a line
    statuses: Counter = Counter()
    for _ in range(PAGE_REQUESTS):
        path = rng.choice(PAGES).format(
            lang=rng.choice(languages), code=rng.choice([*codes, "xx", "TH", "../th"]).lower(), slug=rng.choice(SLUGS)
        )
        query = {rng.choice(PARAMETERS): value(rng, codes) for _ in range(rng.randrange(0, 7))}
        if rng.random() < 0.2:
            query[value(rng, codes)[:20]] = value(rng, codes)
        accept = rng.choice(("", "th", "fr-BE,fr;q=0.9", "zh-Hans-CN", "pt-BR", "*", value(rng, codes)[:60]))
        accept = accept.encode("latin-1", "ignore").decode("latin-1")  # an HTTP header holds no other characters
        address = f"{path}?{urlencode(query)}" if query else path
        if rng.random() < 0.1:  # bytes that are no UTF-8 at all, as only a hand-made request sends them
            address += ("&" if query else "?") + rng.choice(("happened=%ff%fe", "%c3=1", "lives=%", "q=%zz"))
        method = client.post if path.endswith("/corrections/") and rng.random() < 0.5 else client.get
        try:
            response = method(address, HTTP_ACCEPT_LANGUAGE=accept)
            statuses[response.status_code] += 1
            if response.status_code >= 500:
                statuses[f"5xx {address}"[:300]] += 1
        except Exception as error:  # noqa: BLE001 - counted and printed: a fuzzer reports, it does not stop
            statuses[f"exception {type(error).__name__} {path}"] += 1
    return statuses


def fuzz_api(database: Path) -> Counter:
    set_up_django(database)
    import schemathesis
    from django.core.wsgi import get_wsgi_application

    from api.openapi import openapi_document

    schema = schemathesis.openapi.from_dict(openapi_document("http://localhost/api/v1"))
    schema.app = get_wsgi_application()
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    results: Counter = Counter()
    for result in schema.get_all_operations():
        fuzz_operation(result.ok(), results)
    return results


def fuzz_operation(operation, results: Counter) -> None:
    from hypothesis import HealthCheck, given, settings

    @settings(
        max_examples=API_CASES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case):
        results["requests"] += 1
        try:
            response = case.call_and_validate()
            results[response.status_code] += 1
        except Exception as error:  # noqa: BLE001 - a violation is counted and named, then fuzzing goes on
            results[f"failed {operation.label}: {type(error).__name__}: {str(error)[:200]}"] += 1

    run()


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="dla-fuzz-"))
    try:
        database = work / "loaded.sqlite3"
        started = time.monotonic()
        with ProcessPoolExecutor(max_workers=1) as loader:
            loader.submit(load, database).result()
        copies = []
        for index in range(PAGE_PROCESSES + 1):
            copy = work / f"copy-{index}.sqlite3"
            shutil.copyfile(database, copy)
            copies.append(copy)
        with ProcessPoolExecutor(max_workers=PAGE_PROCESSES + 1) as pool:
            api = pool.submit(fuzz_api, copies[0])
            pages = [pool.submit(fuzz_pages, (copies[i + 1], SEED + i)) for i in range(PAGE_PROCESSES)]
            api_results = api.result()
            page_results = sum((future.result() for future in pages), Counter())
        seconds = time.monotonic() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)

    page_requests = sum(count for key, count in page_results.items() if isinstance(key, int))
    page_errors = sum(count for key, count in page_results.items() if isinstance(key, int) and key >= 500)
    api_requests = api_results["requests"]
    api_errors = sum(count for key, count in api_results.items() if isinstance(key, int) and key >= 500)
    problems = [key for key in (*page_results, *api_results) if isinstance(key, str) and key != "requests"]
    total, errors = page_requests + api_requests, page_errors + api_errors
    lines = [
        f"Fuzzed on {date.today().isoformat()} in {seconds:.0f} s: {total} requests, {errors} answered 5xx, "
        f"{len(problems)} problems (5xx, schema violations, exceptions).",
        "",
        f"- Public pages: {page_requests} requests, {page_errors} 5xx; statuses {sorted_statuses(page_results)}.",
        f"- API (schemathesis, up to {API_CASES_PER_OPERATION} cases per operation, checked against the OpenAPI "
        f"description): {api_requests} requests, {api_errors} 5xx; statuses {sorted_statuses(api_results)}.",
        *(f"- PROBLEM {problem}" for problem in problems[:30]),
    ]
    print("\n".join(lines))
    if os.environ.get("FUZZ_API_CASES") is None and os.environ.get("FUZZ_PAGE_REQUESTS") is None:
        (ROOT / "docs" / "fuzzing.md").write_text(
            "# Fuzzing\n\nThe latest figures from `make fuzz` (bench/fuzz.py: what it sends and checks).\n\n"
            + "\n".join(lines)
            + "\n",
            encoding="utf-8",
        )
    return 1 if problems else 0


def sorted_statuses(results: Counter) -> str:
    return ", ".join(f"{key}: {count}" for key, count in sorted(results.items(), key=str) if isinstance(key, int))


if __name__ == "__main__":
    sys.exit(main())
