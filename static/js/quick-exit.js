// Quick exit: Esc, or the "Exit this page" link, leaves at once for a neutral page and takes this page's place
// in the history, so the back button does not bring it back. Without this script the link still leaves.
(function () {
  var exit = document.querySelector("[data-quick-exit]");
  if (!exit) return;
  function leave(event) {
    event.preventDefault();
    document.documentElement.style.visibility = "hidden"; // nothing of the page stays on screen meanwhile
    window.location.replace(exit.href);
  }
  exit.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !event.defaultPrevented) leave(event);
  });
})();
