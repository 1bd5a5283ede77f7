"""The production configuration keeps its promises: what it bounds, what it keeps and what it never logs."""

import re
from pathlib import Path

from django.conf import settings

DEPLOY = Path(settings.BASE_DIR) / "deploy"


def directives(path: Path) -> dict[str, str]:
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return dict(re.split(r"\s+", line, maxsplit=1) for line in lines if line)


def test_redis_is_bounded_and_evicts_the_least_recently_used_pages():
    redis = directives(DEPLOY / "redis.conf")
    assert re.fullmatch(r"\d+mb", redis["maxmemory"]) and int(redis["maxmemory"][:-2]) > 0
    assert redis["maxmemory-policy"] == "allkeys-lru"


def test_redis_keeps_nothing_on_disk():
    redis = directives(DEPLOY / "redis.conf")
    assert redis["save"] == '""' and redis["appendonly"] == "no"


def test_the_deployment_guide_includes_the_redis_configuration():
    guide = (Path(settings.BASE_DIR) / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert "include /srv/dla/deploy/redis.conf" in guide


# nginx: the configuration read as nginx reads it, blocks and directives, so each promise is checked where nginx
# applies it (a location that sets one `add_header` or `proxy_set_header` of its own inherits none).
FORWARDING_HEADERS = (
    "X-Forwarded-For",
    "X-Real-IP",
    "Forwarded",
    "CF-Connecting-IP",
    "True-Client-IP",
    "X-Client-IP",
    "X-Cluster-Client-IP",
    "Fastly-Client-IP",
)
ADDRESS_VARIABLES = ("$remote_addr", "$binary_remote_addr", "$realip_remote_addr", "$proxy_add_x_forwarded_for")
QUERY_VARIABLES = ("$request", "$request_uri", "$args", "$query_string", "$is_args", "$arg_")


def tokens(text: str) -> list[str]:
    words = re.findall(r"'[^']*'|\"[^\"]*\"|#[^\n]*|[{};]|[^\s{};#]+", text)
    return [word for word in words if not word.startswith("#")]


def parse(words: list[str]) -> list:
    """[(name, [arguments], children or None)]"""
    block, stack, current = [], [], []
    root = block
    for word in words:
        if word == ";":
            block.append((current[0], current[1:], None))
            current = []
        elif word == "{":
            children = []
            block.append((current[0], current[1:], children))
            stack.append(block)
            block, current = children, []
        elif word == "}":
            block = stack.pop()
        else:
            current.append(word.strip("'\"") if word[0] in "'\"" else word)
    return root


NGINX = parse(tokens((DEPLOY / "nginx.conf").read_text(encoding="utf-8")))


def find(block, name):
    return [entry for entry in block if entry[0] == name]


def effective(parents: list, name: str) -> list[list[str]]:
    """The directive as nginx applies it in the innermost block: its own, else the nearest parent's."""
    for block in reversed(parents):
        own = [arguments for entry, arguments, _ in block if entry == name]
        if own:
            return own
    return []


HTTP = find(NGINX, "http")[0][2]
SERVER = find(HTTP, "server")[0][2]
LOCATIONS = {arguments[0]: children for _, arguments, children in find(SERVER, "location")}


def test_the_error_log_keeps_only_what_is_about_no_request():
    # Every message nginx logs about a request, from `crit` down, names the client's address.
    assert [arguments[1] for _, arguments, _ in find(NGINX, "error_log")] == ["emerg"]
    assert not find(HTTP, "error_log") and not find(SERVER, "error_log")


def test_the_access_log_holds_no_address_no_query_string_and_only_the_hour():
    formats = {arguments[0]: " ".join(arguments[1:]) for _, arguments, _ in find(HTTP, "log_format")}
    line = formats["private"]
    assert "$uri" in line and "$log_hour" in line
    for variable in ADDRESS_VARIABLES + QUERY_VARIABLES + ("$http_", "$time_local", "$msec", "$time_iso8601"):
        assert not re.search(re.escape(variable) + r"(?![a-z_])" if variable[-1] != "_" else re.escape(variable), line)
    hour = find(HTTP, "map")[0]
    assert hour[1] == ["$time_iso8601", "$log_hour"] and any(":00" in " ".join(value) for _, value, _ in hour[2])
    logs = [
        arguments
        for block in (NGINX, HTTP, SERVER, *LOCATIONS.values())
        for _, arguments, _ in find(block, "access_log")
    ]
    counting = ["plan_counted", "if=$plan_counted"]
    assert logs and all(arguments == ["off"] or arguments[1:] in (["private"], counting) for arguments in logs)
    # The plans the proxy counts: the three answers the usage figures count, no other variable at all.
    assert re.findall(r"\$[a-z_]+", formats["plan_counted"]) == ["$arg_happened", "$arg_lives", "$arg_seen"]


def test_no_forwarding_header_reaches_the_app_from_any_location():
    proxied = [location for location in LOCATIONS.values() if find(location, "proxy_pass")]
    assert len(proxied) == 3  # the back office, its directory import and the public pages
    for location in proxied:
        headers = {
            arguments[0].lower(): arguments[1] for arguments in effective([SERVER, location], "proxy_set_header")
        }
        for header in FORWARDING_HEADERS:
            assert headers.get(header.lower()) == "", header


def test_static_files_carry_nosniff_and_hsts_like_the_pages():
    headers = {
        arguments[0]: arguments[1:] for arguments in effective([HTTP, SERVER, LOCATIONS["/static/"]], "add_header")
    }
    assert headers["X-Content-Type-Options"] == ["nosniff", "always"]
    assert headers["Strict-Transport-Security"][0].startswith("max-age=63072000")
    assert headers["Strict-Transport-Security"][-1] == "always"


def test_the_logs_are_rotated_and_bounded():
    rule = (DEPLOY / "logrotate.conf").read_text(encoding="utf-8")
    guide = (Path(settings.BASE_DIR) / "docs" / "deploy.md").read_text(encoding="utf-8")
    kept = int(re.search(r"^\s*rotate (\d+)$", rule, re.M).group(1))
    assert 0 < kept <= 14 and re.search(r"^\s*maxsize \d+M$", rule, re.M) and "daily" in rule
    for log in re.findall(r"^(/\S+\.log)", rule, re.M):
        assert log in guide  # the paths the guide tells the operator to use
    assert "deploy/logrotate.conf" in guide
