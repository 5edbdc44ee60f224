// Fold the main menu away on narrow screens (it stays open without JavaScript), and keep
// it open on wide screens, where its "Menu" button is hidden.
(function () {
  var menu = document.querySelector(".site-menu");
  if (!menu) return;
  var narrow = window.matchMedia("(max-width: 40rem)");
  function fit() { menu.open = !narrow.matches; }
  fit();
  narrow.addEventListener("change", fit);
})();
