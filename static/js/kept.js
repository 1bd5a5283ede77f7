// The offline page lists what this device kept for use without a connection, read from the offline worker's
// cache on the device itself: nothing is fetched or sent. Each page is named by its own heading, so the list
// is in the language the page was read in; a plan adds its answers ("Seen in person · in Thailand · …").
(function () {
  var section = document.querySelector("[data-kept]");
  if (!section || !("caches" in window) || !("DOMParser" in window)) return;
  var list = section.querySelector("[data-kept-pages]");
  var language = window.location.pathname.split("/")[1];
  var kinds = ["plan", "countries", "emergency", "not-sure", "write-it-down", "my-reports"];
  var kept = new RegExp("^/" + language + "/(" + kinds.join("|") + ")/");

  function plainText(element) {
    return element.textContent.replace(/\s+/g, " ").replace(/^[\s·]+|[\s·]+$/g, "");
  }

  function describe(request, response) {
    var url = new URL(request.url);
    var kind = (url.pathname.match(kept) || [])[1];
    if (!kind || !response || !/text\/html/.test(response.headers.get("Content-Type") || "")) return null;
    return response.text().then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var heading = page.querySelector("h1");
      if (!heading) return null;
      var name = plainText(heading);
      var answers = kind === "plan" && page.querySelector(".answers");
      if (answers) {
        var change = answers.querySelector(".change");
        if (change) change.remove();
        name += ": " + plainText(answers);
      }
      // Of a plan's variants (the worker keeps each answer to "is a child in danger?"), the one that puts
      // the emergency number first is linked.
      var preferred = url.searchParams.get("danger") !== "no";
      return { kind: kinds.indexOf(kind), name: name, address: url.pathname + url.search, preferred: preferred };
    });
  }

  caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("dla-") === 0; }).map(function (name) {
      return caches.open(name).then(function (cache) {
        return cache.keys().then(function (requests) {
          return Promise.all(requests.map(function (request) {
            return cache.match(request).then(function (response) { return describe(request, response); });
          }));
        });
      });
    }));
  }).then(function (perCache) {
    var byName = {};
    [].concat.apply([], perCache).forEach(function (page) {
      if (page && (!byName[page.name] || (page.preferred && !byName[page.name].preferred))) byName[page.name] = page;
    });
    var pages = Object.keys(byName).map(function (name) { return byName[name]; });
    if (!pages.length) return;
    pages.sort(function (a, b) { return a.kind - b.kind || a.name.localeCompare(b.name, language); });
    pages.forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = page.address;
      link.textContent = page.name;
      item.appendChild(link);
      list.appendChild(item);
    });
    section.hidden = false;
  }).catch(function () { /* nothing to list: the page says what it can without it */ });
})();
