// "My reports": where and when the witness reported, kept only in this browser's storage and never sent to the
// site. Every note can be deleted alone, or all at once. This script makes no network request of its own, and
// writes what the witness typed with textContent only, never as HTML.
(function () {
  var form = document.querySelector("[data-my-reports]");
  if (!form) return;
  var list = document.querySelector("[data-kept-list]");
  var items = list.querySelector("[data-items]");
  var empty = list.querySelector("[data-empty]");
  var deleteAll = list.querySelector("[data-delete-all]");
  var status = list.querySelector("[data-status]");
  var template = document.querySelector("template[data-item]");
  var followUp = form.querySelector("[data-follow-up]");
  var KEY = "dla-my-reports";
  var language = document.documentElement.lang;

  function stored() {
    try {
      var notes = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(notes) ? notes : [];
    } catch (error) { return []; }
  }
  function keep(notes) {
    try {
      if (notes.length) window.localStorage.setItem(KEY, JSON.stringify(notes));
      else window.localStorage.removeItem(KEY);
    } catch (error) { /* private mode: not kept */ }
  }
  function shownDate(day) {
    var parsed = new Date(day + "T12:00:00");
    return isNaN(parsed) ? day : parsed.toLocaleDateString(language, { year: "numeric", month: "long", day: "numeric" });
  }
  function show() {
    var notes = stored();
    items.textContent = "";
    notes.forEach(function (note, index) {
      var item = template.content.firstElementChild.cloneNode(true);
      item.querySelector('[data-field="where"]').textContent = note.where || "";
      var time = item.querySelector('[data-field="date"]');
      time.textContent = shownDate(note.date || "");
      time.setAttribute("datetime", note.date || "");
      if (note.reference) item.querySelector('[data-field="reference"]').textContent = note.reference;
      else item.querySelector("[data-reference-line]").remove();
      var mail = item.querySelector("[data-mail]");
      if (note.followUp) {
        mail.setAttribute("href", "mailto:" + note.followUp +
          (note.reference ? "?subject=" + encodeURIComponent(note.reference) : ""));
        mail.querySelector("bdi").textContent = note.followUp;
      } else {
        item.querySelector("[data-follow-up-line]").remove();
      }
      var remove = item.querySelector("[data-delete]");
      var label = document.createElement("span");
      label.className = "visually-hidden";
      label.textContent = ": " + (note.where || "") + ", " + shownDate(note.date || "");
      remove.appendChild(label);
      remove.addEventListener("click", function () {
        var left = stored();
        left.splice(index, 1);
        keep(left);
        show();
        status.textContent = form.dataset.deleted;
      });
      items.appendChild(item);
    });
    empty.hidden = notes.length > 0;
    deleteAll.hidden = notes.length === 0;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault(); // never sent: the note stays here
    var note = {
      where: form.elements.where.value.trim(),
      date: form.elements.date.value,
      reference: form.elements.reference.value.trim(),
      // Only the address the page was given from the directory, never one typed in or taken from the link.
      followUp: followUp ? followUp.dataset.followUp : ""
    };
    var notes = stored();
    notes.push(note);
    keep(notes);
    form.elements.reference.value = "";
    show();
    status.textContent = form.dataset.kept;
  });
  deleteAll.addEventListener("click", function () {
    keep([]);
    show();
    status.textContent = form.dataset.deleted;
  });

  var today = new Date(); // the device's own day, not UTC's
  form.elements.date.value = [today.getFullYear(), ("0" + (today.getMonth() + 1)).slice(-2),
    ("0" + today.getDate()).slice(-2)].join("-");
  document.querySelector("[data-no-script]").hidden = true;
  form.hidden = false;
  list.hidden = false;
  show();
})();
