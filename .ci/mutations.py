"""Break each of the site's promises once, on a copy of the tree, and see the tests that pin it go red.

A test that stays green when the code it guards is taken out protects nothing. Each mutation below removes or
weakens one safeguard; the named tests must then fail (pytest's exit code 1). A mutation the tests survive, or
one that no longer applies to the code as written, fails this check, naming it.

Run by .ci/run after the suites, and by `make mutations`.
"""

import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTEST = ROOT / ".venv" / "bin" / "pytest"
LEFT_OUT = shutil.ignore_patterns(".git", ".venv", "node_modules", "var", "test-artifacts", "__pycache__")


@dataclass(frozen=True)
class Mutation:
    promise: str
    path: str
    changes: tuple[tuple[str, str], ...]  # (text as written, text it becomes), each found exactly once
    tests: tuple[str, ...]


FORGET = '    "dontlookaway.middleware.forget_client_address",\n'
AXES = '    "axes.middleware.AxesMiddleware",\n'
MUTATIONS = (
    Mutation(
        "no middleware sees the visitor's address: the middleware taken out",
        "dontlookaway/settings.py",
        ((FORGET, ""),),
        ("tests/test_privacy_and_security.py",),
    ),
    Mutation(
        "no middleware sees the visitor's address: the middleware moved last",
        "dontlookaway/settings.py",
        ((FORGET, ""), (AXES, AXES + FORGET)),
        ("tests/test_privacy_and_security.py",),
    ),
    Mutation(
        "an error page is never cached",
        "lib/page_cache.py",
        (("cacheable = response.status_code == 200 and", "cacheable = response.status_code in (200, 400) and"),),
        ("tests/test_page_cache.py",),
    ),
    Mutation(
        "plans fetched ahead of time are not counted",
        "guide/views.py",
        (('return "prefetch" in purposes.lower()', "return False"),),
        ("tests/test_usage_figures.py",),
    ),
    Mutation(
        "nginx logs no address",
        "deploy/nginx.conf",
        (("""'$log_hour "$request_method $uri" """, """'$remote_addr $log_hour "$request_method $uri" """),),
        ("tests/test_nginx_in_front.py",),
    ),
    Mutation(
        "nginx logs no answers",
        "deploy/nginx.conf",
        (('"$request_method $uri"', '"$request_method $request_uri"'),),
        ("tests/test_nginx_in_front.py",),
    ),
    Mutation(
        "nginx passes on no forwarded address",
        "deploy/nginx.conf",
        (('proxy_set_header X-Forwarded-For "";', ""),),
        ("tests/test_nginx_in_front.py",),
    ),
    Mutation(
        "the proxy counts no plan fetched ahead of time",
        "deploy/nginx.conf",
        (('        "~*prefetch" 0;\n', ""),),
        ("tests/test_nginx_in_front.py",),
    ),
    Mutation(
        "a plan the proxy counted is not counted again by the app",
        "deploy/nginx.conf",
        (("        proxy_set_header X-Plans-Counted-By proxy;\n", ""),),
        ("tests/test_nginx_in_front.py",),
    ),
    Mutation(
        "an old version is restored only over a row of the editor's own country",
        "directory/admin.py",
        (("if current is not None and not self._may(request, current):", "if False:"),),
        ("tests/test_editor_scope.py",),
    ),
    Mutation(
        "a reviewed editor cannot apply an import",
        "directory/transfer.py",
        (("may_apply = not reviews.needs_review(request.user)", "may_apply = True"),),
        ("tests/test_editor_scope.py",),
    ),
    Mutation(
        "a deploy keeps what maintainers changed in the back office",
        "directory/loading.py",
        (("return set() if force else _edited_by_people(model)", "return set()"),),
        ("tests/test_one_source_of_truth.py",),
    ),
)


def check(mutation: Mutation, tree: Path) -> str:
    """'killed', 'SURVIVED' or 'DOES NOT APPLY', after running the mutation's tests on the mutated tree."""
    target = tree / mutation.path
    original = mutated = target.read_text(encoding="utf-8")
    for before, after in mutation.changes:
        if mutated.count(before) != 1:
            return "DOES NOT APPLY"
        mutated = mutated.replace(before, after)
    target.write_text(mutated, encoding="utf-8")
    try:
        run = subprocess.run(  # noqa: S603 - our own test command
            [str(PYTEST), "-q", "-x", "-p", "no:randomly", *mutation.tests],
            cwd=tree,
            capture_output=True,
            text=True,
            timeout=900,
        )
    finally:
        target.write_text(original, encoding="utf-8")
    return "killed" if run.returncode == 1 else "SURVIVED" if run.returncode == 0 else f"ERROR ({run.returncode})"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="dla-mutations-") as folder:
        tree = Path(folder) / "tree"
        shutil.copytree(ROOT, tree, ignore=LEFT_OUT)
        (tree / ".venv").symlink_to(ROOT / ".venv")
        failed = 0
        for mutation in MUTATIONS:
            started = time.monotonic()
            result = check(mutation, tree)
            failed += result != "killed"
            print(f"{result:>14}  {mutation.promise}  ({time.monotonic() - started:.0f} s)", flush=True)
    print(f"{len(MUTATIONS) - failed} of {len(MUTATIONS)} broken promises caught by the tests")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
