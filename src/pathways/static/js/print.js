// Buttons marked data-print print the page (a script file, not onclick, so the
// Content-Security-Policy can refuse every inline script). A button that only works with
// JavaScript starts hidden; show it, and drop the hint that stands in for it.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-print]");
  if (button) window.print();
});
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print][hidden]").forEach(function (button) {
    button.hidden = false;
    var hint = button.parentNode.querySelector(".print-hint");
    if (hint) hint.hidden = true;
  });
});
