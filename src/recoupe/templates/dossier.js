// Optional: flash every piece of the finding a link jumps to. The page works without it.
(function () {
  "use strict";
  function flash(id) {
    if (!id) { return; }
    var pieces = document.querySelectorAll(".recoupe-dossier [data-refs]");
    var hit = [];
    for (var i = 0; i < pieces.length; i++) {
      if ((" " + pieces[i].getAttribute("data-refs") + " ").indexOf(" " + id + " ") >= 0) {
        hit.push(pieces[i]);
      }
    }
    hit.forEach(function (el) {
      el.classList.remove("rd-flash");
      void el.offsetWidth; // restart the animation
      el.classList.add("rd-flash");
    });
  }
  window.addEventListener("hashchange", function () {
    flash(decodeURIComponent(location.hash.slice(1)));
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".recoupe-dossier a[href^='#']");
    if (link && link.getAttribute("href") === location.hash) {
      flash(decodeURIComponent(location.hash.slice(1)));
    }
  });
  if (location.hash) { flash(decodeURIComponent(location.hash.slice(1))); }
})();
