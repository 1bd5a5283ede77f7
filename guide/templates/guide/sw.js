// Don't Look Away — offline support. First-party, no third party, no tracking.
// After one visit, the guide, the countries looked at and their emergency numbers work with no connection.
const CACHE = "dla-{{ version }}";
const PRECACHE = [{% for url in precache %}"{{ url|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}];
const ANSWERS = { danger: ["yes", "no"], seen: ["in_person", "online"] };
// Said on every request the worker makes on its own, so that a page kept for later is not counted as a plan
// someone made (guide/usage.py). Browsers forbid scripts the `Sec-Purpose` header; `Purpose` is allowed.
const PREFETCH = { headers: { Purpose: "prefetch" } };
// The pages that work on the device alone, kept after a plan in the plan's language.
const ON_DEVICE = /^\/[a-z]{2,3}(?:-[a-z0-9]+)?\/(?:write-it-down|my-reports)\/$/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/admin/")) {
    return;
  }
  event.respondWith(networkFirst(event.request, event));
});

// Fresh data when online (numbers change); the saved copy when not, or when the network is too slow to wait
// for: a witness on a weak hotel Wi-Fi gets the saved page after PATIENCE_MS, and the fresh one is still
// saved for next time.
const PATIENCE_MS = 4000;

async function networkFirst(request, event) {
  const cache = await caches.open(CACHE);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) {
      await cache.put(request, response.clone());
      event.waitUntil(keepForLater(new URL(request.url), cache));
    }
    return response;
  });
  event.waitUntil(fresh.catch(() => undefined));
  const savedAfterWaiting = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS))
    .then(() => cache.match(request))
    .then((saved) => saved || fresh);
  try {
    return await Promise.race([fresh, savedAfterWaiting]);
  } catch (error) {
    const saved = await cache.match(request);
    if (saved) return saved;
    // The composer and "My reports" keep everything in the browser: their plain page does offline what the
    // one addressed to a channel would.
    const path = new URL(request.url).pathname;
    const onDevice = ON_DEVICE.test(path) && (await cache.match(path));
    if (onDevice) return onDevice;
    if (request.mode === "navigate") {
      const language = path.split("/")[1] || "en";
      return (await cache.match(`/${language}/offline/`)) || (await cache.match(`/${language}/offline/?country=`))
        || (await cache.match("/en/offline/")) || Response.error();
    }
    return Response.error();
  }
}

// The page each saved offline page was last asked for by, in the order the witness opened them: a plan's
// offline page, fetched after its variants, must not replace the one of a country page opened after it.
const offlineTurns = {};

// After a page of the guide, keep what the witness may need offline: an offline page in that language
// with the emergency numbers of the country looked at, and after a plan, the plan for the same countries
// whatever the other answers, and the composer and "My reports" to use with it.
async function keepForLater(url, cache) {
  const match = url.pathname.match(/^\/([a-z]{2,3}(?:-[a-z0-9]+)?)\/(?:|plan\/|emergency\/|countries\/([a-z]{2})\/)$/);
  if (!match) return;
  const language = match[1];
  const country = (match[2] || url.searchParams.get("happened") || url.searchParams.get("country") || "").toUpperCase();
  const known = /^[A-Z]{2}$/.test(country);
  const key = known ? `/${language}/offline/` : `/${language}/offline/?country=`;
  const turn = (offlineTurns[key] = (offlineTurns[key] || 0) + 1);
  const wanted = [];
  if (url.pathname.endsWith("/plan/")) {
    wanted.push(`/${language}/write-it-down/`, `/${language}/my-reports/`);
    for (const danger of ANSWERS.danger) {
      for (const seen of ANSWERS.seen) {
        const variant = new URL(url);
        variant.searchParams.set("danger", danger);
        variant.searchParams.set("seen", seen);
        wanted.push(variant.pathname + variant.search);
      }
    }
  }
  await Promise.all(wanted.map(async (address) => {
    if (!(await cache.match(address))) {
      try { await cache.add(new Request(address, PREFETCH)); } catch (error) { /* offline again: keep what we have */ }
    }
  }));
  // Two saved offline pages per language: one with the last country's numbers, one without any, kept
  // apart so that a late answer for one can never replace the other.
  if (known || !(await cache.match(key))) {
    try {
      const offline = await fetch(`/${language}/offline/?country=${known ? country : ""}`, PREFETCH);
      if (offline.ok && offlineTurns[key] === turn) await cache.put(key, offline);
    } catch (error) { /* keep the previous offline page */ }
  }
}
