// Buttons marked data-print print the page (a script file, not onclick, so the
// Content-Security-Policy can refuse every inline script).
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-print]");
  if (button) window.print();
});
