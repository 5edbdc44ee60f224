// Progressive enhancement for the results page: a Print button (the page works without it).
(function () {
  "use strict";
  var button = document.querySelector(".print-button");
  if (!button) { return; }
  button.hidden = false;
  var hint = document.querySelector(".print-hint");
  if (hint) { hint.hidden = true; }
  button.addEventListener("click", function () { window.print(); });
  var share = document.getElementById("share-link");
  if (share) { share.addEventListener("focus", function () { share.select(); }); }
}());
