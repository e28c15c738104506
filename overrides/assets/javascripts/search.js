// Site search: Material's header search box, answered by Pagefind.
// Pagefind picks the index of the page's <html lang>, so Arabic pages get
// Arabic results and English pages English ones. No UI strings here: they
// come from the translation file through data-strings.
//
// Readers type questions: search-query.js reads a query with the words of
// pagefind/words.<lang>.json (hooks/data/<lang>/search.yml) and shows the
// results. It loads with Pagefind, at the first sign of intent (pointer or
// touch on the search box or button, focus, typing), so a page where nobody
// searches downloads none of it.
(function () {
  "use strict";

  var root = document.querySelector("[data-site-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;

  var strings = JSON.parse(root.getAttribute("data-strings"));
  var form = root.querySelector("form");
  var input = root.querySelector(".md-search__input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var siteRoot = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
  var MAX_RESULTS = 10;
  var MAX_SECTIONS = 3;
  var lang = (document.documentElement.getAttribute("lang") || "en").split("-")[0];

  // Arabic diacritics and tatweel never change a word's meaning for search
  // (hooks/search.py normalises the word lists the same way).
  function normalize(query) {
    return query.replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, "").trim();
  }

  var engine = null;
  function load() {
    if (!engine) {
      if (!input.value) meta.textContent = strings.initializer;
      var words = fetch(new URL("pagefind/words." + lang + ".json", siteRoot).href)
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; })
        .then(function (data) { return data || { stopwords: [], conjunctions: [], replace: {}, expand: {} }; });
      var pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href);
      var reader = import(new URL("assets/javascripts/search-query.js", siteRoot).href);
      engine = Promise.all([pagefind, words, reader]).then(function (loaded) {
        var options = { baseUrl: siteRoot.pathname };
        if (loaded[1].ranking) options.ranking = loaded[1].ranking;
        return loaded[0].options(options).then(function () {
          loaded[0].init();
          if (!input.value) meta.textContent = strings.placeholder;
          return { pagefind: loaded[0], words: loaded[1], find: loaded[2].find, render: loaded[2].render };
        });
      });
    }
    return engine;
  }

  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  var paths = root.querySelector("template[data-search-paths]");

  function render(loaded, results, total, query) {
    loaded.render({ list: list, meta: meta, strings: strings, paths: paths, sections: MAX_SECTIONS }, results, total);
    root.setAttribute("data-results-for", query); // the query these results answer
  }

  var latest = 0;
  function search() {
    var query = normalize(input.value);
    var ticket = ++latest;
    var typed = input.value;
    if (!query) {
      list.textContent = "";
      meta.textContent = strings.placeholder;
      root.setAttribute("data-results-for", typed);
      return;
    }
    load().then(function (loaded) {
      return loaded.find(loaded.pagefind, loaded.words, query).then(function (results) {
        if (!results || ticket !== latest) return null; // a newer query is on its way
        return Promise.all(results.slice(0, MAX_RESULTS).map(function (r) { return r.data(); }))
          .then(function (data) { if (ticket === latest) render(loaded, data, results.length, typed); });
      });
    });
  }

  input.addEventListener("input", search);
  input.addEventListener("focus", function () { setOpen(true); load(); });
  // The first sign of intent starts loading, so the first query is as fast as a later one.
  ["pointerenter", "touchstart"].forEach(function (type) {
    form.addEventListener(type, load, { once: true, passive: true });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector(".md-search-result__link");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { search(); input.focus(); }, 0);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { load(); input.focus(); }
  });

  // The header's magnifier (shown on small screens) is a <label>, which a
  // keyboard cannot reach: replace it with a real button.
  var opener = null;
  var label = document.querySelector('.md-header__button[for="__search"]');
  if (label) {
    opener = document.createElement("button");
    opener.type = "button";
    opener.className = label.className;
    opener.setAttribute("data-search-open", "");
    opener.setAttribute("aria-label", strings.search);
    opener.innerHTML = label.innerHTML; // the icon
    opener.addEventListener("click", function () { setOpen(true); input.focus(); });
    ["pointerenter", "touchstart"].forEach(function (type) {
      opener.addEventListener(type, load, { once: true, passive: true });
    });
    label.replaceWith(opener);
  }

  // Keyboard: "/" or "s" opens search (as in Material), Escape closes it,
  // arrows move between the results.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (!toggle.checked) {
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "S")) {
        event.preventDefault();
        setOpen(true);
        input.focus();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      input.blur();
      if (opener && opener.offsetParent !== null) opener.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
    if (!links.length) return;
    event.preventDefault();
    var position = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown") position = Math.min(position + 1, links.length - 1);
    else position = position <= 0 ? -1 : position - 1;
    if (position < 0) input.focus();
    else links[position].focus();
  });
})();
