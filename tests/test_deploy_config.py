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
