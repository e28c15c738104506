// Reads a search query the way readers write it, and shows the results (loaded
// by search.js with Pagefind, at the first sign of intent). `words` is pagefind/words.<lang>.json,
// written by hooks/search.py from hooks/data/<lang>/search.yml: question and
// function words are dropped, and forms the stemmer cannot join (broken
// plurals, verbs, colloquial words) are searched as well. When a word has such
// forms, or the remaining words together find fewer than ENOUGH pages, each word
// is searched on its own and the results are merged: pages that match more of
// the words come first, and a rarer word counts for more.
var ENOUGH = 3; // results for the whole query below which each word is searched on its own
var EXACT_BONUS = 0.25; // added to the merged score of a page that matched the whole query
var COVERAGE = 0.5; // share of a merged score kept by a page that matched none of the other words

// How a word is looked up in the word lists: the spellings readers mix up are one
// (أ إ آ ا, ى ي, ة ه), as hooks/search.py folds the lists' own words.
function fold(word) {
  return word.replace(/[أإآ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه");
}

// The words of a query (already without diacritics) to search: each is a list
// of forms, the first the one the guide writes (after `replace`), the others
// also tried (`expand`).
function concepts(query, words) {
  var tokens = query.toLowerCase().replace(/[؟?!.,،؛;:«»"'()\[\]]/g, " ").split(/\s+/).filter(Boolean);
  var found = [];
  for (var i = 0; i < tokens.length; i++) {
    var token = tokens[i], key = fold(token);
    for (var n = Math.min(3, tokens.length - i); n > 1; n--) { // a phrase with its own entry
      var phrase = fold(tokens.slice(i, i + n).join(" "));
      if (words.replace[phrase] || words.expand[phrase]) { token = key = phrase; i += n - 1; break; }
    }
    var joined = key.length > 3 && (words.conjunctions || []).indexOf(key.charAt(0)) >= 0; // «وما», «ومرات»
    var bare = joined ? key.slice(1) : key;
    if (key.indexOf(" ") < 0 && (words.stopwords.indexOf(key) >= 0 || words.stopwords.indexOf(bare) >= 0)) continue;
    var first = words.replace[key] || token;
    var forms = [first].concat(words.expand[key] || [], words.expand[fold(first)] || []);
    if (joined) forms = forms.concat(token.slice(1), words.expand[bare] || []);
    found.push(forms);
  }
  return found;
}

function merge(pagefind, parts, exact) {
  return Promise.all(parts.map(function (forms) {
    return Promise.all(forms.map(function (form) { return pagefind.search(form); })).then(function (lists) {
      var best = {};
      lists.forEach(function (list) {
        (list ? list.results : []).forEach(function (result) {
          if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
        });
      });
      return best;
    });
  })).then(function (perPart) {
    var pages = {};
    perPart.forEach(function (best) {
      var ids = Object.keys(best);
      if (!ids.length) return;
      var top = Math.max.apply(null, ids.map(function (id) { return best[id].score; })) || 1;
      var weight = 1 / Math.log(2 + ids.length); // a word few pages contain tells more
      ids.forEach(function (id) {
        var page = pages[id] || (pages[id] = { result: best[id], parts: 0, score: 0 });
        page.parts += 1;
        page.score += weight * best[id].score / top;
      });
    });
    exact.forEach(function (result) {
      var page = pages[result.id] || (pages[result.id] = { result: result, parts: parts.length, score: 0 });
      page.score += EXACT_BONUS; // it matched every word at once
    });
    return Object.keys(pages).map(function (id) {
      var page = pages[id];
      page.rank = page.score * (COVERAGE + (1 - COVERAGE) * page.parts / parts.length);
      return page;
    }).sort(function (a, b) { return b.rank - a.rank; }).map(function (page) { return page.result; });
  });
}

export function find(pagefind, words, query) {
  var parts = concepts(query, words);
  if (!parts.length) {
    return pagefind.search(query).then(function (found) { return found ? found.results : null; });
  }
  return pagefind.search(parts.map(function (forms) { return forms[0]; }).join(" ")).then(function (found) {
    if (!found) return null; // a newer query replaced this one
    var variants = parts.some(function (forms) { return forms.length > 1; });
    return found.results.length >= ENOUGH && !variants ? found.results : merge(pagefind, parts, found.results);
  });
}

// The hidden keywords (overrides/main.html) are searched, never shown: they
// start with KEYWORDS and are joined by " · ". An excerpt that runs into them
// is cut there; one that lies inside them gives way to `fallback`.
var KEYWORDS = "⁂";

function withoutKeywords(excerpt, fallback) {
  if (!excerpt) return excerpt;
  var at = excerpt.indexOf(KEYWORDS);
  if (at >= 0) excerpt = excerpt.slice(0, at).trim();
  else if (excerpt.indexOf(" · ") >= 0) excerpt = "";
  return excerpt || fallback;
}

function escape(text) {
  var node = document.createElement("span");
  node.textContent = text;
  return node.innerHTML;
}

function element(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function link(url, heading, level, excerpt) {
  var anchor = element("a", "md-search-result__link");
  anchor.href = url;
  var article = element("article", "md-search-result__article md-typeset");
  if (level === "h1") article.appendChild(element("div", "md-search-result__icon md-icon"));
  article.appendChild(element(level, null, heading));
  if (excerpt) {
    var paragraph = element("p");
    paragraph.innerHTML = excerpt; // Pagefind escapes the text and adds <mark>
    article.appendChild(paragraph);
  }
  anchor.appendChild(article);
  return anchor;
}

// Shows the results in Material's result list: `view` holds the list, the
// count line, the strings of the translation file, the template of the guide's
// main paths and how many sections to show under a page.
export function render(view, results, total) {
  var list = view.list, meta = view.meta, strings = view.strings;
  list.textContent = "";
  if (total === 0) {
    meta.textContent = strings.none;
    if (view.paths) { // the guide's main paths, so a reader is never left with nothing
      var item = element("li", "md-search-result__item md-search-result__paths md-typeset");
      item.appendChild(view.paths.content.cloneNode(true));
      list.appendChild(item);
    }
  } else if (total === 1) meta.textContent = strings.one;
  else meta.textContent = strings.other.replace("#", total);
  results.forEach(function (result) {
    var item = element("li", "md-search-result__item");
    var title = (result.meta && result.meta.title) || result.url;
    var description = escape((result.meta && result.meta.description) || "");
    var sections = (result.sub_results || [])
      .filter(function (sub) { return sub.url.indexOf("#") > 0 && sub.title !== title; })
      .slice(0, view.sections);
    sections.forEach(function (sub) { sub.excerpt = withoutKeywords(sub.excerpt, ""); });
    var excerpt = withoutKeywords(result.excerpt, description);
    // The page's excerpt is often the first section's: show it once, under the section.
    if (sections.some(function (sub) { return sub.excerpt === excerpt; })) excerpt = "";
    item.appendChild(link(result.url, title, "h1", excerpt));
    sections.forEach(function (sub) { item.appendChild(link(sub.url, sub.title, "h2", sub.excerpt)); });
    list.appendChild(item);
  });
}
