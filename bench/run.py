"""make bench: the production setup on this machine, measured.

Starts PostgreSQL, gunicorn and nginx (the caching proxy of deploy/nginx.conf), then prints page weights,
throughput and latency (wrk) of cached pages next to nginx serving the same bytes as a static file, and
Lighthouse mobile scores. Writes the same figures to docs/performance.md.
"""

import gzip
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

from faults import KINDS, fault_table
from fresh import fresh_plans, measure, queries_per_plan
from soak import soak

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / ".venv" / "bin" / "python"
PROXY, APP, PG_PORT, REDIS_PORT = 8810, 8811, 55439, 56379
PAGES = {
    "home": "/en/",
    "question errors": "/en/plan/?danger=maybe",
    "result": "/en/plan/?danger=yes&seen=in_person&happened=TH&lives=BE&nationality=FR",
    "country": "/en/countries/th/",
    "emergency": "/en/emergency/?country=TH",
    "article": "/en/news/world-cup-campaign/",
    "online plan": "/en/plan/?danger=no&seen=online&happened=online&lives=GB",
    "countries": "/en/countries/",
    "not sure": "/en/not-sure/?danger=no&seen=in_person&happened=TH&lives=BE",
    "write it down": "/en/write-it-down/",
    "my reports": "/en/my-reports/",
    "offline": "/en/offline/?country=TH",
}
# A page and its CSS within one network round trip's worth of data (TCP's first window: ~14 KB).
BUDGET = 14 * 1024
THROUGHPUT_PAGES = ("result", "country")


def run(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)


def tool(name: str, *candidates: str) -> str:
    for candidate in (shutil.which(name), *candidates):
        if candidate and Path(candidate).exists():
            return candidate
    sys.exit(f"make bench needs {name}: apt-get install {'postgresql' if name in ('initdb', 'pg_ctl') else name}")


def start_postgres(work: Path) -> tuple[list[str], list[str], str]:
    initdb = tool("initdb", *sorted(map(str, Path("/usr/lib/postgresql").glob("*/bin/initdb"))))
    pg_ctl = str(Path(initdb).with_name("pg_ctl"))
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data = work / "pg"
    data.mkdir()
    if as_pg:
        shutil.chown(data, "postgres")
        shutil.chown(work, "postgres")
    run([*as_pg, initdb, "-D", str(data / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
    server = [*as_pg, pg_ctl, "-D", str(data / "data")]
    start = [
        *server,
        "-l",
        str(data / "log"),
        "-w",
        "-o",
        f"-p {PG_PORT} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off",
        "start",
    ]
    run(start)
    return start, [*server, "-m", "fast", "-w", "stop"], f"postgres://postgres@127.0.0.1:{PG_PORT}/dla"


def start_redis(work: Path) -> subprocess.Popen | None:
    """Redis as deployed (a memory limit, evicting the least used), when the machine has it."""
    binary = shutil.which("redis-server")
    if not binary:
        return None
    return subprocess.Popen(
        [
            binary,
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--maxmemory",
            "64mb",
            "--maxmemory-policy",
            "allkeys-lru",
            "--dir",
            str(work),
        ],
        stdout=subprocess.DEVNULL,
    )


def fetch(url: str, gzip_ok: bool = True) -> tuple[bytes, int, dict]:
    request = urllib.request.Request(
        url, headers={"Accept-Encoding": "gzip" if gzip_ok else "identity", "Accept-Language": "en"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read(), response.status, dict(response.headers)
    except urllib.error.HTTPError as error:  # a 400 page is a page too: "question errors"
        return error.read(), error.code, dict(error.headers)


def page_weight(base: str, path: str) -> int:
    """Bytes on the wire for the page and everything it loads (CSS, JS), compressed as served."""
    body, _, headers = fetch(base + path)
    html = gzip.decompress(body).decode() if headers.get("Content-Encoding") == "gzip" else body.decode()
    total = len(body)
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+\.(?:css|js|svg))"', html):
        total += len(fetch(base + asset)[0])
    return total


def wrk(url: str) -> dict:
    return measure(url, 2, 8)


def lighthouse(url: str, work: Path) -> dict:
    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT / "bench")
    report = work / "lh.json"
    flags = (
        "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
        "--disable-background-networking --disable-component-update --disable-sync"
    )
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        check=False,
        capture_output=True,
    )
    if not report.exists():
        return {name: "failed" for name in ("performance", "accessibility", "best-practices", "seo")}
    result = json.loads(report.read_text())
    if result.get("runtimeError"):
        return {name: "failed" for name in ("performance", "accessibility", "best-practices", "seo")}
    # A category Lighthouse could not score is reported as failed, never as 0.
    return {
        name: "failed" if value["score"] is None else round(value["score"] * 100)
        for name, value in result["categories"].items()
    }


def main():
    tool("nginx", "/usr/sbin/nginx")
    tool("wrk")
    work = Path(tempfile.mkdtemp(prefix="dla-bench-"))
    os.chmod(work, 0o755)
    stops = []
    try:
        start_pg, stop_pg, database = start_postgres(work)
        stops.append(lambda: subprocess.run(stop_pg, capture_output=True))
        redis = start_redis(work)
        cache_server = {"process": redis}  # replaced when the fault table starts it again
        if redis:
            stops.append(lambda: (cache_server["process"].terminate(), cache_server["process"].wait(10)))
        run(
            [
                "createdb" if shutil.which("createdb") else "true",
                "-h",
                "127.0.0.1",
                "-p",
                str(PG_PORT),
                "-U",
                "postgres",
                "dla",
            ]
        )
        env = {
            **os.environ,
            "DATABASE_URL": database,
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DJANGO_DEBUG": "false",
            **({"REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0"} if redis else {}),
        }
        env.pop("DJANGO_TESTING", None)
        for command in (
            ["migrate", "--no-input", "-v0"],
            ["load_directory"],
            ["load_content"],
            ["collectstatic", "--no-input", "-v0"],
        ):
            run([str(PY), "manage.py", *command], cwd=ROOT, env=env)
        gunicorn = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "dontlookaway.wsgi"],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{APP}", "GUNICORN_WORKERS": "2"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stops.append(lambda: (gunicorn.send_signal(signal.SIGTERM), gunicorn.wait(10)))
        copies = work / "static-copies"
        copies.mkdir()
        time.sleep(2)
        for name in THROUGHPUT_PAGES:  # the same bytes as the page, for nginx to serve as a plain file
            (copies / f"{name}.html").write_bytes(fetch(f"http://127.0.0.1:{APP}{PAGES[name]}", gzip_ok=False)[0])
        config = (ROOT / "deploy" / "nginx.conf").read_text()
        plan_counts = work / "plan-counts"
        plan_counts.mkdir()
        os.chmod(plan_counts, 0o777)  # noqa: S103 - nginx's workers write there, the app reads and deletes
        for placeholder, value in {
            "PID_FILE": work / "nginx.pid",
            "ERROR_LOG": work / "nginx-error.log",
            "ACCESS_LOG": work / "access.log",
            "MIME_TYPES": "/etc/nginx/mime.types",
            "CACHE_DIR": work / "nginx-cache",
            "APP_ADDRESS": f"127.0.0.1:{APP}",
            "LISTEN": f"127.0.0.1:{PROXY}",
            "STATIC_ROOT": ROOT / "staticfiles",
            "ERROR_PAGES": ROOT / "var" / "error-pages",
            "INCLUDE_EXTRA": f"location /static-copies/ {{ alias {copies}/; default_type text/html; }}",
            "PLAN_COUNTS": plan_counts,
        }.items():
            config = config.replace(placeholder, str(value))
        (work / "nginx.conf").write_text(config)
        run([tool("nginx", "/usr/sbin/nginx"), "-c", str(work / "nginx.conf"), "-p", str(work)])
        stops.append(
            lambda: subprocess.run(
                ["nginx", "-c", str(work / "nginx.conf"), "-p", str(work), "-s", "stop"], capture_output=True
            )
        )
        base = f"http://127.0.0.1:{PROXY}"
        for path in PAGES.values():
            fetch(base + path)
        weights = {name: page_weight(base, path) for name, path in PAGES.items()}
        speed = {}
        for name in THROUGHPUT_PAGES:
            speed[name] = {
                "proxy": wrk(base + PAGES[name]),
                "app": wrk(f"http://127.0.0.1:{APP}{PAGES[name]}"),
                "static": wrk(f"{base}/static-copies/{name}.html"),
            }
        soaked = soak(base + PAGES["result"], plan_counts, env, gunicorn.pid)
        app = f"http://127.0.0.1:{APP}"
        measured = queries_per_plan(env)
        fresh = {
            "app": fresh_plans(app, work, measured["codes"], measured["languages"]),
            "proxy": fresh_plans(base, work, measured["codes"], measured["languages"]),
            # The floor: the smallest answer the app gives (robots.txt, no template, no cache), through the same
            # workers and middleware. No plan can be served faster than this on the machine.
            "floor": wrk(f"{app}/robots.txt"),
            "parts": measured["parts"],
        }
        scores = {name: lighthouse(base + path, work) for name, path in PAGES.items() if name != "question errors"}

        def stop_cache():
            cache_server["process"].terminate()
            cache_server["process"].wait(10)

        def start_cache():
            cache_server["process"] = start_redis(work)
            time.sleep(0.5)

        faults, killed = fault_table(
            app,
            work,
            gunicorn.pid,
            lambda: run(stop_pg),
            lambda: run(start_pg),
            stop_cache if redis else None,
            start_cache if redis else None,
        )
        report(weights, speed, soaked, scores, fresh, measured["queries"], faults, killed)
    finally:
        for stop in reversed(stops):
            try:
                stop()
            except Exception as error:  # noqa: BLE001 - keep stopping the others
                print("could not stop a server:", error, file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)


def report(
    weights: dict, speed: dict, soaked: dict, scores: dict, fresh: dict, queries: float, faults: list, killed: dict
) -> None:
    lines = [
        f"Measured on {date.today().isoformat()}, {platform.node()}: {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.machine()}.",
        "",
        "| Page | Weight (compressed, with CSS/JS) | Within 14 KB | Lighthouse perf / a11y / best practices / SEO |",
        "|---|---|---|---|",
    ]
    for name, weight in weights.items():
        score = scores.get(name) or {}
        cells = " / ".join(
            str(score.get(key, "–")) for key in ("performance", "accessibility", "best-practices", "seo")
        )
        within = "yes" if weight <= BUDGET else "**no**"
        lines.append(f"| {name} | {weight / 1024:.1f} KB | {within} | {cells} |")
    lines += [
        "",
        "| Page | Through the caching proxy | App alone (gunicorn, page cache) | nginx static file | "
        "Proxy ÷ static | Latency p50 / p90 / p99 (proxy) |",
        "|---|---|---|---|---|---|",
    ]
    for name, runs in speed.items():
        ratio = runs["proxy"]["rps"] / runs["static"]["rps"]
        proxy = runs["proxy"]
        lines.append(
            f"| {name} | {proxy['rps']:.0f} req/s | {runs['app']['rps']:.0f} req/s | "
            f"{runs['static']['rps']:.0f} req/s | {ratio:.2f} | {proxy['p50']} / {proxy['p90']} / {proxy['p99']} |"
        )
    before, after = (" + ".join(f"{kb / 1024:.0f}" for kb in soaked[key]) for key in ("memory_before", "memory_after"))
    lines += [
        "",
        f"Soak: the result page through the caching proxy for {soaked['seconds']} s at 100 connections: "
        f"{soaked['requests']} requests ({soaked['rps']:.0f}/s), {soaked['non_2xx']} not 200, "
        f"{soaked['socket_errors']} socket errors, latency p50 / p90 / p99 {soaked['p50']} / {soaked['p90']} / "
        f"{soaked['p99']}. Plans counted by the proxy: {soaked['counted']} (wrk counts the answers it had read when "
        f"it stopped; up to 100 more were on their way). The workers' memory before and after: {before} MB → "
        f"{after} MB.",
    ]
    lines += [
        "",
        "Fresh plans (every request a new random plan: countries, answers, language; 20 s after 3 s of warm-up), "
        f"{queries:g} database queries per plan on a warm worker:",
        "",
        "| Served by | Plans/s | Latency p50 / p90 / p99 | Requests | Not 200 | Socket errors |",
        "|---|---|---|---|---|---|",
    ]
    for name, label in (("app", "App alone (gunicorn)"), ("proxy", "Through the caching proxy")):
        run_ = fresh[name]
        lines.append(
            f"| {label} | {run_['rps']:.0f} | {run_['p50']} / {run_['p90']} / {run_['p99']} | {run_['requests']} | "
            f"{run_['non_2xx']} | {run_['socket_errors']} |"
        )
    floor = fresh["floor"]
    lines.append(
        f"| The floor: robots.txt, app alone (the smallest answer, through the same workers and middleware) | "
        f"{floor['rps']:.0f} | {floor['p50']} / {floor['p90']} / {floor['p99']} | {floor['requests']} | "
        f"{floor['non_2xx']} | {floor['socket_errors']} |"
    )
    parts = " · ".join(f"{part} {ms} ms" for part, ms in fresh["parts"].items())
    lines += ["", f"Where a fresh plan's time goes, in one warm process (ms a plan, 200 plans): {parts}."]
    lines += ["", "Faults (the app alone; each stage asks for pages not asked for before, except the first row):", ""]
    lines.append("| Page | " + " | ".join(name for name, _ in faults) + " |")
    lines.append("|---|" + "---|" * len(faults))
    for kind in KINDS:
        lines.append(f"| {kind} | " + " | ".join(answers[kind] for _, answers in faults) + " |")
    lines += [
        "",
        f"A worker killed outright during 6 s of fresh plans: {killed['requests']} requests, {killed['non_2xx']} not "
        f"200, {killed['socket_errors']} socket errors; {killed['workers_after']} workers running afterwards.",
    ]
    table = "\n".join(lines)
    print(table)
    (ROOT / "docs" / "performance.md").write_text(
        "# Performance\n\nThe latest figures from `make bench` (wrk: 2 threads, 32 connections, 8 s per run after "
        "2 s of warm-up; Lighthouse 12.2.3, mobile, Debian Chromium).\n\n" + table + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
