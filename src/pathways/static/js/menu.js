// The main menu is a closed <details> in the page, so on phones it is a "Menu" button with or
// without JavaScript. Open it on wide screens, where its button is hidden.
(function () {
  var menu = document.querySelector(".site-menu");
  if (!menu) return;
  var narrow = window.matchMedia("(max-width: 40rem)");
  function fit() { menu.open = !narrow.matches; }
  fit();
  narrow.addEventListener("change", fit);
})();
