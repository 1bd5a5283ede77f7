"""The soak: a minute at 100 connections through the caching proxy, the workers' memory before and after, and
whether the proxy counted every plan it served (guide/usage.py, `manage.py count_proxied_plans`)."""

import re
import subprocess
from pathlib import Path

from fresh import PY, ROOT, parse_wrk


def workers_memory(master: int) -> list[int]:
    """Resident memory (KB) of each gunicorn worker: the master's children."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:  # a process that ended while we looked
            continue
        if re.search(rf"^PPid:\s+{master}$", text, re.M):
            sizes.append(int(re.search(r"^VmRSS:\s+(\d+)", text, re.M).group(1)))
    return sorted(sizes)


def counted_by_the_proxy(plan_counts: Path, env: dict) -> int:
    """The plans nginx counted since the last call, added to the figures (its files then deleted)."""
    output = subprocess.run(
        [str(PY), "manage.py", "count_proxied_plans", "--folder", str(plan_counts), "--all"],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    return int(output.split()[0])


def soak(url: str, plan_counts: Path, env: dict, master: int, seconds: int = 60) -> dict:
    counted_by_the_proxy(plan_counts, env)  # what the runs before left
    before = workers_memory(master)
    output = subprocess.run(
        ["wrk", "-t2", "-c100", f"-d{seconds}s", "--latency", url], check=True, text=True, capture_output=True
    ).stdout
    result = parse_wrk(output)
    return {
        **result,
        "seconds": seconds,
        "counted": counted_by_the_proxy(plan_counts, env),
        "memory_before": before,
        "memory_after": workers_memory(master),
    }
