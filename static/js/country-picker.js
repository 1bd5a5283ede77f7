// The country in two taps: a search field over each country list, as an ARIA combobox. Type a few letters of
// the country's name in the page's language, in English or in its own language ("thai", "ประเทศไทย"), then
// tap it or press Enter. The list itself stays as it is and is what the form sends: without this script,
// or in any doubt, the witness simply chooses from it. Esc is left to the quick exit (quick-exit.js).
(function () {
  var script = document.currentScript;
  var selects = document.querySelectorAll("select[data-country-picker]");
  if (!selects.length || !("fetch" in window)) return;
  var otherNames = null; // {code: [names]}, fetched once, when a witness first types
  var waiting = []; // what to do once they have arrived

  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  // The other names arrive after the first letters may have been typed: the matches are then shown again.
  function loadNames(then) {
    if (waiting) waiting.push(then);
    if (otherNames) return;
    otherNames = {};
    fetch(script.getAttribute("data-names")).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (table) {
      otherNames = table;
      waiting.forEach(function (callback) { callback(); });
      waiting = null;
    }).catch(function () {});
  }

  // How well a name answers what was typed: 0 its start, 1 a word's start, 2 within it, 3 typed around it.
  function rank(name, typed) {
    var words = plain(name);
    var at = words.indexOf(typed);
    if (at === 0) return 0;
    if (at > 0) return /[\s\-(’'.,]/.test(words.charAt(at - 1)) ? 1 : 2;
    return words.length >= 3 && typed.indexOf(words) >= 0 ? 3 : -1;
  }

  function enhance(select) {
    var id = select.id + "-find";
    var field = document.createElement("input");
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var question = select.labels && select.labels[0];
    field.type = "text";
    field.id = id;
    field.className = "country-find";
    field.setAttribute("role", "combobox");
    field.setAttribute("aria-autocomplete", "list");
    field.setAttribute("aria-expanded", "false");
    field.setAttribute("aria-controls", id + "-list");
    field.setAttribute("autocomplete", "off");
    field.setAttribute("spellcheck", "false");
    field.setAttribute("dir", "auto");
    // Named by what it does, described by the question: the question itself still names the list alone.
    field.setAttribute("aria-label", select.getAttribute("data-country-picker"));
    if (question) {
      question.id = question.id || select.id + "-question";
      field.setAttribute("aria-describedby", question.id);
    }
    field.placeholder = select.getAttribute("data-country-picker");
    list.id = id + "-list";
    list.className = "country-matches";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", select.getAttribute("data-found"));
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    select.parentNode.insertBefore(field, select);
    select.parentNode.insertBefore(list, select);
    select.parentNode.insertBefore(status, select);
    var active = -1;

    function matches(typed) {
      var found = [];
      Array.prototype.forEach.call(select.options, function (option) {
        if (!/^[A-Z]{2}$/.test(option.value)) return;
        var names = [option.textContent].concat(otherNames[option.value] || []);
        var best = typed === plain(option.value) ? 0 : -1;
        names.forEach(function (name) {
          var score = rank(name, typed);
          if (score >= 0 && (best < 0 || score < best)) best = score;
        });
        if (best >= 0) found.push({ option: option, score: best });
      });
      found.sort(function (a, b) { return a.score - b.score; });
      return found.slice(0, 8);
    }

    function close() {
      list.hidden = true;
      list.textContent = "";
      field.setAttribute("aria-expanded", "false");
      field.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(option) {
      select.value = option.value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      field.value = option.textContent;
      close();
      status.textContent = option.textContent;
    }

    function show() {
      var typed = plain(field.value);
      close();
      if (!typed) return;
      var found = matches(typed);
      found.forEach(function (match, position) {
        var item = document.createElement("li");
        item.id = id + "-" + match.option.value;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = match.option.textContent;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { choose(match.option); });
        list.appendChild(item);
        if (position === 0) item.setAttribute("data-first", "");
      });
      list.hidden = !found.length;
      field.setAttribute("aria-expanded", found.length ? "true" : "false");
      status.textContent = select.getAttribute("data-found") + " " + found.length;
    }

    function move(step) {
      var items = list.querySelectorAll("[role=option]");
      if (!items.length) return;
      if (active >= 0) items[active].setAttribute("aria-selected", "false");
      active = (active + step + items.length) % items.length;
      items[active].setAttribute("aria-selected", "true");
      items[active].scrollIntoView({ block: "nearest" });
      field.setAttribute("aria-activedescendant", items[active].id);
    }

    field.addEventListener("focus", function () {
      loadNames(function () { if (field.value) show(); });
    });
    field.addEventListener("input", show);
    field.addEventListener("blur", function () { setTimeout(close, 150); });
    field.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) show();
        move(event.key === "ArrowDown" ? 1 : -1);
        event.preventDefault();
      } else if (event.key === "Enter" && !list.hidden) {
        var items = list.querySelectorAll("[role=option]");
        var item = items[active >= 0 ? active : 0];
        var option = item && select.querySelector('option[value="' + item.id.slice(-2) + '"]');
        if (option) choose(option);
        event.preventDefault();
      }
    });
  }

  Array.prototype.forEach.call(selects, function (select) { enhance(select); });
})();
