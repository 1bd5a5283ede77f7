"""Checking that the links witnesses are sent to still work.

Concurrent, but polite: at most one request at a time per host, with a pause between them; timeouts and
retries so a slow site is not reported broken at the first hiccup; redirects followed and recorded.
"""

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from directory.choices import LinkStatus

USER_AGENT = "DontLookAway-LinkChecker/1.0 (checks the reporting channels it lists)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: str
    http_status: int | None = None
    final_url: str = ""
    error: str = ""


class _PoliteHosts:
    """One request at a time per host, `interval` seconds apart."""

    def __init__(self, interval: float):
        self.interval = interval
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    def wait_turn(self, host: str) -> threading.Lock:
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        lock.acquire()
        pause = self._last.get(host, 0) + self.interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        return lock

    def done(self, host: str, lock: threading.Lock) -> None:
        self._last[host] = time.monotonic()
        lock.release()


def _fetch_once(url: str, timeout: float) -> LinkResult:
    # check_url lets only http(s) addresses through, so no file: or custom scheme is ever opened.
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            response.read(1024)
            final = response.geturl()
            status = LinkStatus.OK if final.rstrip("/") == url.rstrip("/") else LinkStatus.REDIRECTED
            return LinkResult(url, status, response.status, final)
    except urllib.error.HTTPError as error:
        return LinkResult(url, LinkStatus.BROKEN, error.code, error.geturl() or url, f"HTTP {error.code}")
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
        reason = getattr(error, "reason", error)
        return LinkResult(url, LinkStatus.UNREACHABLE, None, "", str(reason)[:200])


def check_url(url: str, hosts: _PoliteHosts, timeout: float = 10, retries: int = 2, backoff: float = 1.0) -> LinkResult:
    if urlsplit(url).scheme not in ("http", "https"):
        return LinkResult(url, LinkStatus.BROKEN, error="not a web address")
    host = urlsplit(url).netloc
    result = LinkResult(url, LinkStatus.UNREACHABLE)
    for attempt in range(retries + 1):
        lock = hosts.wait_turn(host)
        try:
            result = _fetch_once(url, timeout)
        finally:
            hosts.done(host, lock)
        if result.status != LinkStatus.UNREACHABLE and result.http_status not in RETRY_STATUSES:
            break
        if attempt < retries:
            time.sleep(backoff * (attempt + 1))
    return result


def check_urls(
    urls: Iterable[str],
    *,
    workers: int = 8,
    timeout: float = 10,
    retries: int = 2,
    per_host_interval: float = 1.0,
    backoff: float = 1.0,
    progress: Callable[[Iterable], Iterable] = iter,
) -> dict[str, LinkResult]:
    """Check each distinct URL once; the results by URL."""
    hosts = _PoliteHosts(per_host_interval)
    distinct = list(dict.fromkeys(urls))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(check_url, url, hosts, timeout, retries, backoff) for url in distinct]
        return {result.url: result for result in progress(future.result() for future in futures)}
