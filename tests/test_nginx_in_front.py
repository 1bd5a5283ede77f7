"""The real nginx, with deploy/nginx.conf, in front of the running site: a witness's request leaves no address and
no answer in its logs, and no address reaches the application.
.ci/run installs nginx where it is missing; without it these tests fail, they are not skipped."""

import io
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.signals import request_started

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
VISITOR = "203.0.113.77"  # an address from the documentation range, sent by a "CDN" in every way one can
ANSWERS = "happened=TH&lives=BE&witness-marker=4711"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def proxy(live_server):
    yield from nginx_in_front_of(live_server.url.removeprefix("http://"))


@pytest.fixture
def proxy_of_a_dead_app():
    """nginx in front of an address where no application answers: what a witness meets if the app is down."""
    from django.core.management import call_command

    pages = Path(tempfile.mkdtemp(prefix="dla-down-"))
    os.chmod(pages, 0o755)  # noqa: S103 - nginx's workers run as another user and must read it
    call_command("write_error_pages", "--folder", str(pages), stdout=io.StringIO())
    try:
        yield from nginx_in_front_of(f"127.0.0.1:{free_port()}", pages)
    finally:
        shutil.rmtree(pages, ignore_errors=True)


def nginx_in_front_of(app_address: str, error_pages: Path | None = None):
    assert NGINX, "nginx is needed for this test: apt-get install nginx (.ci/run does)"
    work = Path(tempfile.mkdtemp(prefix="dla-nginx-"))
    os.chmod(work, 0o755)  # noqa: S103 - nginx's workers run as another user and must read it
    port = free_port()
    (work / "plan-counts").mkdir()
    os.chmod(work / "plan-counts", 0o777)  # noqa: S103 - nginx's workers write there, the test reads and deletes
    config = (Path(settings.BASE_DIR) / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for placeholder, value in {
        "PID_FILE": work / "nginx.pid",
        "ERROR_LOG": work / "error.log",
        "ACCESS_LOG": work / "access.log",
        "MIME_TYPES": "/etc/nginx/mime.types",
        "CACHE_DIR": work / "cache",
        "APP_ADDRESS": app_address,
        "LISTEN": f"127.0.0.1:{port}",
        "STATIC_ROOT": Path(settings.BASE_DIR) / "static",
        "ERROR_PAGES": error_pages or work / "error-pages",
        "INCLUDE_EXTRA": "",
        "PLAN_COUNTS": work / "plan-counts",
    }.items():
        config = config.replace(placeholder, str(value))
    (work / "nginx.conf").write_text(config, encoding="utf-8")
    command = [NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)]
    subprocess.run(command, check=True, capture_output=True, timeout=10)  # noqa: S603 - our own config
    try:
        deadline = time.monotonic() + 5
        while socket.socket().connect_ex(("127.0.0.1", port)) and time.monotonic() < deadline:
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", work
    finally:
        subprocess.run([*command, "-s", "stop"], capture_output=True, timeout=10)  # noqa: S603
        time.sleep(0.2)
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture
def seen_by_the_app():
    environs = []

    def keep(sender, environ, **kwargs):
        environs.append({key: value for key, value in environ.items() if isinstance(value, str)})

    request_started.connect(keep)
    yield environs
    request_started.disconnect(keep)


def get(address: str, body: list | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(  # noqa: S310 - our own test server
        address,
        headers={
            "X-Forwarded-For": VISITOR,
            "X-Real-IP": VISITOR,
            "Forwarded": f"for={VISITOR}",
            "CF-Connecting-IP": VISITOR,
            "True-Client-IP": VISITOR,
            "X-Client-IP": VISITOR,
            "Fastly-Client-IP": VISITOR,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            if body is not None:
                body.append(response.read().decode("utf-8"))
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        if body is not None:
            body.append(error.read().decode("utf-8"))
        return error.code, dict(error.headers)


def test_a_request_through_nginx_leaves_no_address_and_no_answer_behind(proxy, seen_by_the_app):
    base, work = proxy
    assert get(f"{base}/en/emergency/?country=TH&{ANSWERS}")[0] == 200
    assert get(f"{base}/static/css/missing-file.css?{ANSWERS}")[0] == 404  # an error nginx would log, with the client
    assert get(f"{base}/nowhere/?{ANSWERS}")[0] == 404

    access = (work / "access.log").read_text(encoding="utf-8")
    assert '"GET /en/emergency/" 200' in access and '"GET /static/css/missing-file.css" 404' in access
    assert re.search(r"^\d{4}-\d\d-\d\dT\d\d:00 ", access, re.M)  # the hour, not the second
    errors = (work / "error.log").read_text(encoding="utf-8") if (work / "error.log").exists() else ""
    for log in (access, errors):
        assert "127.0.0.1" not in log and VISITOR not in log and "witness-marker" not in log and "TH" not in log

    app = [environ for environ in seen_by_the_app if environ.get("PATH_INFO") == "/en/emergency/"]
    assert app
    for environ in app:
        assert not [key for key, value in environ.items() if VISITOR in value], environ

    # Nor anywhere the site keeps anything: every table of the database, the proxy's cache, the app's page cache.
    assert get(f"{base}/en/plan/?danger=no&seen=in_person&{ANSWERS}")[0] == 200
    from guide import usage

    usage.flush()  # the plan's count, had the app counted it, is written now
    stored = everything_in_the_database()
    assert VISITOR not in stored and "witness-marker" not in stored
    cached = b"".join(path.read_bytes() for path in (work / "cache").rglob("*") if path.is_file())
    assert cached and VISITOR.encode() not in cached  # the proxy keeps pages by their address, never a visitor's
    from django.core.cache import cache

    kept = getattr(cache, "_cache", {})  # the local-memory cache of the tests: keys and pickled pages
    assert not [key for key, value in kept.items() if VISITOR in str(key) or VISITOR.encode() in bytes(value)]


def everything_in_the_database() -> str:
    from django.db import connection

    quote = connection.ops.quote_name
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - the database's own table names
            rows += [repr(row) for row in cursor.fetchall()]
    return "\n".join(rows)


def test_static_files_through_nginx_carry_nosniff_and_hsts(proxy):
    base, _ = proxy
    status, headers = get(f"{base}/static/css/site.css")
    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Strict-Transport-Security"].startswith("max-age=63072000")


@pytest.mark.django_db
def test_with_the_app_down_nginx_answers_in_the_visitors_language_with_every_emergency_number(proxy_of_a_dead_app):
    base, _ = proxy_of_a_dead_app
    french, english = [], []
    status, headers = get(f"{base}/fr/plan/?{ANSWERS}", french)
    assert status == 502 and headers["Cache-Control"] == "no-store"
    assert '<html lang="fr"' in french[0] and "Numéros d’urgence" in french[0]
    assert "Thaïlande" in french[0] and ">191<" in french[0]  # Thailand's police, from the shipped directory
    assert get(f"{base}/?{ANSWERS}", english)[0] == 502 and '<html lang="en"' in english[0]
    assert "Belgium" in english[0] and ">101<" in english[0]


def test_the_proxy_knows_every_language_of_the_site():
    config = (Path(settings.BASE_DIR) / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    listed = re.search(r'"~\^/\(\?<code>([a-z0-9|-]+)\)', config).group(1).split("|")
    assert sorted(listed) == sorted(settings.LANGUAGE_CODES)


def multipart(fields: dict[str, str], name: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = "----dla-test-boundary-4711"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'
        for key, value in fields.items()
    ]
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
    body = "".join(parts).encode() + head.encode() + b"Content-Type: application/zip\r\n\r\n" + content
    return body + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_a_coordinator_imports_the_whole_directory_through_the_proxy(proxy):
    """The import takes the full directory as one .zip through nginx; elsewhere a body that large is refused."""
    import http.cookiejar
    import urllib.parse
    import zipfile

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.maintainers import PASSWORD, code_for, create

    base, _ = proxy
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as files:
        for path in sorted(Path(settings.DIRECTORY_DATA_DIR).glob("*.yaml")):
            files.write(path, f"directory/{path.name}")
    whole = archive.getvalue()
    assert len(whole) > 200_000  # the shipped directory, well over the public site's 64 KB

    user, _link = create("coordinator", "--coordinator")
    TOTPDevice.objects.filter(user=user).update(confirmed=True)
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def token(path: str) -> str:
        with browser.open(f"{base}{path}", timeout=10) as response:  # noqa: S310 - our own test server
            return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)

    signed = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token("/admin/login/"), "username": user.username, "password": PASSWORD}
        | {"otp_token": code_for(user), "next": "/admin/"}
    ).encode()
    with browser.open(f"{base}/admin/login/?next=/admin/", signed, timeout=10) as response:  # noqa: S310
        assert response.url.endswith("/admin/"), response.url

    body, kind = multipart(
        {"csrfmiddlewaretoken": token("/admin/directory/country/import/")}, "files", "all.zip", whole
    )
    upload = urllib.request.Request(  # noqa: S310 - our own test server
        f"{base}/admin/directory/country/import/", body, {"Content-Type": kind}
    )
    with browser.open(upload, timeout=60) as response:  # noqa: S310
        preview = response.read().decode()
    assert "Preview for AD, AE," in preview and "Apply these changes" in preview

    elsewhere = urllib.request.Request(f"{base}/en/", body, {"Content-Type": kind})  # noqa: S310
    with pytest.raises(urllib.error.HTTPError) as refused:
        browser.open(elsewhere, timeout=10)
    assert refused.value.code == 413


def test_every_plan_the_proxy_serves_is_counted_once_cached_or_not_and_only_the_counted_answers_are_kept(proxy):
    """Plans answered from nginx's cache never reach the app: nginx counts every plan it serves, the app none."""
    from django.core.management import call_command

    from guide import usage
    from guide.models import PlanCount

    base, work = proxy
    usage.flush()  # counts left by earlier tests in this process
    plan = f"{base}/en/plan/?danger=no&seen=in_person&happened=TH&lives=BE&nationality=FR&witness-marker=4711"
    caching = []
    for _ in range(3):
        status, headers = get(plan)
        assert status == 200
        caching.append(headers["X-Cache"])
    assert caching == ["MISS", "HIT", "HIT"]
    assert get(f"{base}/fr/plan/?danger=yes&seen=online&happened=online&lives=gb")[0] == 200
    assert get(f"{base}/en/plan/?danger=maybe&happened=KH&lives=BE")[0] == 400  # no plan: not counted
    prefetch = urllib.request.Request(plan, headers={"Purpose": "prefetch"})  # noqa: S310 - our own test server
    with urllib.request.urlopen(prefetch, timeout=10) as response:  # noqa: S310 - the worker keeping a variant
        assert response.status == 200
    assert usage.flush() == 0, "the app was told the proxy counts, and counted none itself"

    counts = work / "plan-counts"
    (hour_file,) = counts.iterdir()
    assert re.fullmatch(r"plans-\d{4}-\d\d-\d\dT\d\d\.log", hour_file.name)
    lines = hour_file.read_text(encoding="utf-8").splitlines()
    assert sorted(lines) == ["TH BE in_person"] * 3 + ["online gb online"]  # the three answers, nothing else

    def stored() -> Counter:
        return Counter({(row.happened, row.lives, row.seen): row.count for row in PlanCount.objects.all()})

    before, out = stored(), io.StringIO()
    call_command("count_proxied_plans", "--folder", str(counts), stdout=out)
    assert out.getvalue().startswith("0 plans"), "an hour still being written is left for later"
    call_command("count_proxied_plans", "--folder", str(counts), "--all", stdout=out)
    assert stored() - before == Counter({("TH", "BE", "in_person"): 3, ("online", "GB", "online"): 1})
    assert not list(counts.iterdir()), "the counted file is deleted"
