// Keep the #anchor when switching language: both languages share heading ids,
// so /roles/x/#skills and /en/roles/x/#skills are the same section.
(function () {
  "use strict";
  function sync() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var base = link.getAttribute("href").split("#")[0];
      link.setAttribute("href", base + window.location.hash);
    }
  }
  sync();
  window.addEventListener("hashchange", sync);
})();
