// Language switching. No UI strings here.
(function () {
  "use strict";

  // 1. Keep the #anchor when switching language: both languages share heading
  //    ids, so /roles/x/#skills and /en/roles/x/#skills are the same section.
  function syncSelector() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var base = links[i].getAttribute("href").split("#")[0];
      links[i].setAttribute("href", base + window.location.hash);
    }
  }
  syncSelector();
  window.addEventListener("hashchange", syncSelector);

  // 2. Material scans <link rel="alternate"> once, at DOMContentLoaded, and
  //    fetches sitemap.xml next to each one: it expects them to be language
  //    roots. Ours name the same page in the other language (hreflang, for
  //    search engines), so every page would log 404s. The selector above
  //    already links page to page, so hide our alternates from that one scan
  //    (this script runs after Material's bundle registered its listener) and
  //    restore them right after it.
  var alternates = document.querySelectorAll('link[rel="alternate"][hreflang]');
  for (var j = 0; j < alternates.length; j++) alternates[j].setAttribute("rel", "x-alternate");
  document.addEventListener("DOMContentLoaded", function () {
    for (var k = 0; k < alternates.length; k++) alternates[k].setAttribute("rel", "alternate");
  });
})();
