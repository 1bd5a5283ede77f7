"""A developer on a fresh clone follows the README: `make maintainer` creates a back-office account with the
development settings of `make run`, while production still refuses to start without a SECRET_KEY."""

import os
import re
import shlex
import subprocess
from pathlib import Path

from django.conf import settings

from tests.maintainers import PASSWORD

README = Path(settings.BASE_DIR) / "README.md"


def make(*arguments) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", *arguments],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def environment(**extra) -> dict:
    """A shell on a fresh clone: no SECRET_KEY, no test or debug switch, its own database."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "SECRET_KEY"))}
    return {**env, "DJANGO_SETTINGS_MODULE": "dontlookaway.settings", **extra}


def test_every_make_maintainer_line_of_the_readme_runs_create_maintainer_like_make_run():
    lines = re.findall(r"^make maintainer [^#\n]+", README.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert len(lines) >= 3
    for line in lines:
        result = make("-n", *shlex.split(line)[1:])
        assert result.returncode == 0, result.stderr
        planned = result.stdout.strip().splitlines()
        assert "DJANGO_DEBUG=true .venv/bin/python manage.py migrate --no-input -v 0" in planned  # `make setup`
        assert planned[-1].startswith("DJANGO_DEBUG=true .venv/bin/python manage.py create_maintainer ")
    run = make("-n", "run").stdout.strip().splitlines()[-1]
    assert run.startswith("DJANGO_DEBUG=true .venv/bin/python manage.py ")


def test_make_maintainer_without_a_name_says_how_before_doing_anything():
    result = make("-n", "maintainer", "COUNTRIES=TH")
    assert result.returncode != 0 and "make maintainer NAME=ana COUNTRIES=TH" in result.stderr
    assert "migrate" not in result.stdout


def test_the_command_it_runs_works_without_a_secret_key_and_production_still_refuses(tmp_path):
    password = tmp_path / "password"
    password.write_text(PASSWORD)
    planned = make("-n", "maintainer", "NAME=lek", "COORDINATOR=1", f"PASSWORD_FILE={password}")
    command = shlex.split(planned.stdout.strip().splitlines()[-1])
    assert command[0] == "DJANGO_DEBUG=true"
    database = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"

    def run(arguments, env):
        return subprocess.run(arguments, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120)

    development = environment(DJANGO_DEBUG="true", DATABASE_URL=database)
    assert run([".venv/bin/python", "manage.py", "migrate", "--no-input", "-v", "0"], development).returncode == 0
    created = run(command[1:], development)
    assert created.returncode == 0, created.stderr
    assert "Created lek" in created.stdout and "http://127.0.0.1:8000/admin/set-up/" in created.stdout

    refused = run(command[1:], environment(DATABASE_URL=database, ALLOWED_HOSTS="example.org"))
    assert refused.returncode != 0 and "Set SECRET_KEY" in refused.stderr
