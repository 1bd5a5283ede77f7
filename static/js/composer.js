// "Write it down now": the report is put together here, on the device, and never sent to the site. The draft
// is kept in this browser's storage until "Delete now". This script makes no network request of its own.
(function () {
  var form = document.querySelector("[data-composer]");
  if (!form) return;
  var report = document.querySelector("[data-report]");
  var output = report.querySelector("[data-report-text]");
  var mail = report.querySelector("[data-mail]");
  var share = report.querySelector("[data-share]");
  var status = report.querySelector("[data-status]");
  var fields = Array.prototype.slice.call(form.querySelectorAll("textarea"));
  var KEY = "dla-report-draft";
  var address = mail.getAttribute("href");

  function stored() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "{}"); } catch (error) { return {}; }
  }
  function keep(draft) {
    try { window.localStorage.setItem(KEY, JSON.stringify(draft)); } catch (error) { /* private mode: not kept */ }
  }
  function text() {
    var parts = [form.dataset.subject];
    fields.forEach(function (field) {
      var value = field.value.trim();
      // The heading in the channel's language where the page says so (guide/report.py), else the question.
      var heading = field.dataset.heading || form.querySelector('label[for="' + field.id + '"]').textContent.trim();
      if (value) parts.push(heading + "\n" + value);
    });
    return parts.join("\n\n");
  }
  function show() {
    output.value = text();
    mail.setAttribute("href", address + "?subject=" + encodeURIComponent(form.dataset.subject) +
      "&body=" + encodeURIComponent(output.value));
  }
  function update() {
    var draft = {};
    fields.forEach(function (field) { draft[field.name] = field.value; });
    keep(draft);
    show();
  }

  var draft = stored();
  fields.forEach(function (field) {
    if (typeof draft[field.name] === "string") field.value = draft[field.name];
    field.addEventListener("input", update);
  });
  document.querySelector("[data-no-script]").hidden = true;
  report.hidden = false;
  if (navigator.share) share.hidden = false;
  show();

  report.querySelector("[data-copy]").addEventListener("click", function () {
    output.select();
    var done = function () { status.textContent = form.dataset.copied; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(output.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });
  share.addEventListener("click", function () {
    navigator.share({ title: form.dataset.subject, text: output.value }).catch(function () {});
  });
  report.querySelector("[data-delete]").addEventListener("click", function () {
    try { window.localStorage.removeItem(KEY); } catch (error) { /* nothing was kept */ }
    fields.forEach(function (field) { field.value = ""; });
    show();
    status.textContent = form.dataset.deleted;
  });
})();
