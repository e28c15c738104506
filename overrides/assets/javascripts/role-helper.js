// "Which role do I need?" (docs/*/hiring/which-role.md): a live recommendation
// from the ticked statements. No UI strings here: the statements, the four
// recommendations (the h3 sections #recommend-*) and the few phrases
// (data-* attributes of the form) are in the page, in its language.
// The answers live in the address (?s=launch,ads,small) so a result can be shared.
(function () {
  "use strict";

  var form = document.querySelector("form[data-role-helper]");
  var output = document.querySelector("[data-role-result]");
  if (!form || !output) return;

  var PARAM = "s";
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var radios = Array.prototype.slice.call(form.querySelectorAll("input[type=radio]"));

  // The recommendation rule, also explained in words on the page.
  function recommend(smm, cm, size) {
    if (smm + cm === 0) return null;
    if (cm === 0 || (smm >= cm + 2 && cm <= 1)) return "smm";
    if (smm === 0 || (cm >= smm + 2 && smm <= 1)) return "cm";
    if (size === "budget" || (smm >= 3 && cm >= 3 && size !== "small")) return "two-people";
    return "one-person";
  }

  function answers() {
    var values = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var size = radios.filter(function (r) { return r.checked; }).map(function (r) { return r.value; })[0] || "";
    return { values: values, size: size };
  }

  function sectionOf(heading) {
    var nodes = [];
    for (var node = heading.nextElementSibling; node && !/^H[1-6]$/.test(node.tagName); node = node.nextElementSibling) {
      nodes.push(node);
    }
    return nodes;
  }

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  }

  function addressFor(state) {
    var url = new URL(window.location.href);
    var all = state.values.concat(state.size ? [state.size] : []);
    if (all.length) url.searchParams.set(PARAM, all.join(","));
    else url.searchParams.delete(PARAM);
    return url.pathname + url.search.replace(/%2C/gi, ",") + url.hash;
  }

  function render(state, updateAddress) {
    var ticked = boxes.filter(function (b) { return b.checked; });
    var count = function (side) { return ticked.filter(function (b) { return b.getAttribute("data-side") === side; }).length; };
    var result = recommend(count("smm"), count("cm"), state.size);
    output.textContent = "";
    output.setAttribute("data-recommendation", result || "");
    if (updateAddress) window.history.replaceState(window.history.state, "", addressFor(state));
    if (!result) {
      if (state.values.length || state.size) output.appendChild(element("p", form.getAttribute("data-empty")));
      return;
    }
    var heading = document.getElementById("recommend-" + result);
    var title = element("p");
    title.className = "role-helper__verdict";
    var name = heading.cloneNode(true);
    Array.prototype.forEach.call(name.querySelectorAll(".headerlink"), function (link) { link.remove(); });
    title.appendChild(element("strong", form.getAttribute("data-title") + " " + name.textContent.trim()));
    output.appendChild(title);
    sectionOf(heading).forEach(function (node) { output.appendChild(node.cloneNode(true)); });
    output.appendChild(element("p", form.getAttribute("data-why")));
    var list = element("ul");
    ticked.concat(radios.filter(function (r) { return r.checked && r.value; })).forEach(function (input) {
      list.appendChild(element("li", form.querySelector('label[for="' + input.id + '"]').textContent));
    });
    output.appendChild(list);
    var share = element("a", form.getAttribute("data-link"));
    share.href = addressFor(state);
    share.className = "role-helper__share";
    var paragraph = element("p");
    paragraph.appendChild(share);
    output.appendChild(paragraph);
  }

  // Restore the answers from the address.
  var saved = (new URL(window.location.href).searchParams.get(PARAM) || "").split(",");
  boxes.forEach(function (b) { b.checked = saved.indexOf(b.value) >= 0; });
  radios.forEach(function (r) { if (r.value && saved.indexOf(r.value) >= 0) r.checked = true; });

  form.addEventListener("change", function () { render(answers(), true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  render(answers(), false);
})();
