// Accessible names for navigation landmarks. No UI strings here.
(function () {
  "use strict";
  // Material labels a section that has its own index page with an icon-only
  // <label>, so those <nav> landmarks have an empty name and cannot be told
  // apart (axe: landmark-unique). Name each after its section's link.
  var navs = document.querySelectorAll("nav.md-nav[aria-labelledby]");
  for (var i = 0; i < navs.length; i++) {
    var label = document.getElementById(navs[i].getAttribute("aria-labelledby"));
    if (!label || label.textContent.trim()) continue;
    var link = label.parentElement && label.parentElement.querySelector("a");
    if (link && link.textContent.trim()) {
      navs[i].removeAttribute("aria-labelledby");
      navs[i].setAttribute("aria-label", link.textContent.trim());
    }
  }

  // Nested lists of the table of contents are named after their heading, which
  // can repeat a section of the main navigation (a "Skills" heading on the
  // glossary and the "Skills" section): prefix them with the contents' name.
  var tocs = document.querySelectorAll(".md-nav--secondary[aria-label]");
  for (var j = 0; j < tocs.length; j++) {
    var nested = tocs[j].querySelectorAll("nav[aria-label]");
    for (var k = 0; k < nested.length; k++) {
      nested[k].setAttribute("aria-label", tocs[j].getAttribute("aria-label") + ": " + nested[k].getAttribute("aria-label"));
    }
  }
})();
