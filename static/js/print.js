// Progressive enhancement: a print button where JavaScript runs. Without it, the browser's own print works.
for (const button of document.querySelectorAll(".print-button")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
