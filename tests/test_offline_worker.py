"""The service worker's own code, run in Node with the browser's caches and network stood in for: on a network
too slow to wait for, a page kept on the device answers; on a working one, the fresh page does."""

import json
import subprocess

import pytest

# The worker's waiting time, shortened for the test by rewriting its constant.
HARNESS = """
const vm = require("vm");
const [network] = process.argv.slice(1);
const saved = { match: async () => new Response("saved copy"), put: async () => undefined, add: async () => undefined };
const context = {
  self: { addEventListener() {}, location: { origin: "http://site" } },
  caches: { open: async () => saved },
  fetch: () => network === "hangs" ? new Promise(() => {}) : network === "fails"
    ? Promise.reject(new TypeError("offline")) : Promise.resolve(new Response("fresh page")),
  setTimeout, URL, Request, Response, Promise, console,
};
const source = require("fs").readFileSync(0, "utf8").replace(/const PATIENCE_MS = \\d+;/, "const PATIENCE_MS = 150;");
vm.runInNewContext(source + ";this.networkFirst = networkFirst;", context);
const started = Date.now();
const event = { waitUntil() {} };
context.networkFirst(new Request("http://site/en/emergency/?country=TH"), event)
  .then(async (response) => console.log(JSON.stringify([await response.text(), Date.now() - started])));
"""


@pytest.mark.parametrize(
    ("network", "answer"), [("hangs", "saved copy"), ("fails", "saved copy"), ("works", "fresh page")]
)
def test_a_slow_or_missing_network_gives_the_page_kept_on_the_device(client, network, answer):
    worker = client.get("/sw.js").content.decode()
    assert "const PATIENCE_MS = 4000;" in worker  # what a witness waits at most before the kept page
    node = subprocess.run(  # noqa: S603 - a fixed program on our own file
        ["node", "-e", HARNESS, network], input=worker, capture_output=True, text=True, timeout=30, check=True
    )
    text, waited_ms = json.loads(node.stdout)
    assert text == answer
    if network == "hangs":
        assert 150 <= waited_ms < 2000
