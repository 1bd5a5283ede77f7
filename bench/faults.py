"""The fault table of `make bench`: what each kind of page answers while a part of the production setup is down.

Each stage asks the app (gunicorn, as deployed) for one page of each kind. Pages are fresh at every stage
(another country, other answers) so that the page cache cannot hide the fault, except the first row, a plan
already served once, which the cache is there to keep answering.
"""

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from fresh import parse_wrk

# One country per stage, so no stage asks for a page an earlier one put in the cache.
STAGE_COUNTRIES = ["KE", "TH", "BR", "PH", "MA", "PE", "VN", "TZ", "NP", "SN"]
KINDS = {
    "plan, served before": lambda code: "/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE",
    "plan, fresh": lambda code: f"/fr/plan/?danger=yes&seen=in_person&happened={code}&lives=DE&nationality=GB",
    "country page": lambda code: f"/es/countries/{code.lower()}/",
    "emergency page": lambda code: f"/de/emergency/?country={code}",
    "plan API": lambda code: f"/api/v1/plan?danger=no&seen=in_person&happened={code}&lives=NL",
    "country API": lambda code: f"/api/v1/countries/{code}",
    "back office sign-in": lambda code: "/admin/login/",
}


def status(url: str) -> str:
    request = urllib.request.Request(url, headers={"Accept-Language": "en"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            response.read()
            return str(response.status)
    except urllib.error.HTTPError as error:
        return str(error.code)
    except OSError as error:
        return f"no answer ({type(error).__name__})"


def statuses(base: str, stage: int) -> dict[str, str]:
    code = STAGE_COUNTRIES[stage % len(STAGE_COUNTRIES)]
    return {kind: status(base + path(code)) for kind, path in KINDS.items()}


def killed_worker(base: str, work: Path, master_pid: int) -> dict:
    """Fresh plans for 6 s at 32 connections while one worker is killed outright after 2 s."""
    script = work / "fresh-plans.lua"
    load = subprocess.Popen(
        ["wrk", "-t2", "-c32", "-d6s", "--latency", "-s", str(script), base], stdout=subprocess.PIPE, text=True
    )
    time.sleep(2)
    workers = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    if workers:
        os.kill(int(workers[0]), signal.SIGKILL)
    output, _ = load.communicate(timeout=30)
    result = parse_wrk(output)
    time.sleep(2)
    result["workers_after"] = len(
        subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    )
    return result


def fault_table(
    base: str,
    work: Path,
    master_pid: int,
    stop_database: Callable,
    start_database: Callable,
    stop_cache: Callable | None,
    start_cache: Callable | None,
) -> tuple[list[tuple[str, dict]], dict]:
    served_before = base + KINDS["plan, served before"]("")
    status(served_before)
    stages = [("all up", None)]
    stages.append(("PostgreSQL stopped", stop_database))
    stages.append(("PostgreSQL started again (app not restarted)", start_database))
    if stop_cache:
        stages.append(("Redis stopped", stop_cache))
        stages.append(("Redis started again (app not restarted)", start_cache))
    rows = []
    for number, (name, change) in enumerate(stages):
        if change:
            change()
            time.sleep(1)
        rows.append((name, statuses(base, number)))
    return rows, killed_worker(base, work, master_pid)
