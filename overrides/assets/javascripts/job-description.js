// Job-description builder (docs/*/hiring/job-description.md). No UI strings here:
// the words are data-* attributes of the page's form and its buttons; the data
// (roles, skills, tools, platforms) is the JSON block hooks/job_description.py
// writes from the guide's own pages. The choices live in the address
// (?role=cm&stage=startup&p=instagram,tiktok&paid=0&community=1), so a shared
// link rebuilds the same description.
(function () {
  "use strict";

  var form = document.querySelector("form[data-jd-builder]");
  var output = document.querySelector("[data-jd-output]");
  var source = document.querySelector("script[data-jd-data]");
  var actions = document.querySelector("[data-jd-actions]");
  var status = document.querySelector("[data-jd-status]");
  if (!form || !output || !source || !actions || !status) return;

  var data = JSON.parse(source.textContent);
  var ROLES = { smm: ["social-media-manager"], cm: ["community-manager"], both: ["social-media-manager", "community-manager"] };
  // A role's usual options: a Social Media Manager runs paid campaigns, a Community Manager hosts a community.
  var DEFAULTS = { smm: { paid: true, community: false }, cm: { paid: false, community: true }, both: { paid: true, community: true } };

  function word(name) { return form.getAttribute("data-" + name) || ""; }
  function inputs(name) { return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]')); }
  function checked(name) { return inputs(name).filter(function (i) { return i.checked; }).map(function (i) { return i.value; }); }
  function box(name) { return form.querySelector('input[name="' + name + '"]'); }

  function current() {
    return {
      role: checked("role")[0] || "smm",
      stage: checked("stage")[0] || "",
      platforms: checked("p"),
      paid: box("paid").checked,
      community: box("community").checked
    };
  }

  function apply(state) {
    inputs("role").forEach(function (i) { i.checked = i.value === state.role; });
    inputs("stage").forEach(function (i) { i.checked = i.value === state.stage; });
    inputs("p").forEach(function (i) { i.checked = state.platforms.indexOf(i.value) >= 0; });
    box("paid").checked = state.paid;
    box("community").checked = state.community;
  }

  // The same rule as description() in hooks/job_description.py.
  function selection(state) {
    var roles = ROLES[state.role];
    function option(item, kind) {
      var options = [["paid", state.paid], ["community", state.community]];
      for (var n = 0; n < options.length; n++) {
        var rule = data[options[n][0]];
        if (kind === "skill" ? item.id === rule.skill : item.tags[0] === rule.tag) return options[n][1];
      }
      return null;
    }
    function wanted(kind) {
      return function (item) {
        var chosen = option(item, kind);
        return chosen !== null ? chosen : roles.some(function (r) { return item.roles.indexOf(r) >= 0; });
      };
    }
    function each(key) { return roles.reduce(function (all, r) { return all.concat(data.roles[r][key]); }, []); }
    // One person for both roles gets one summary of the combined job, not two.
    var summary = state.role === "both" ? [word("summary-both")] : roles.map(function (r) { return word("summary-" + r); });
    if (state.stage) summary.push(word("stage-" + state.stage));
    if (state.paid) summary.push(word("paid"));
    if (state.community) summary.push(word("community"));
    return {
      title: word("title-" + state.role),
      sections: [
        { heading: word("heading-summary"), paragraphs: summary },
        { heading: word("heading-responsibilities"), items: each("responsibilities") },
        { heading: word("heading-skills"), links: data.skills.filter(wanted("skill")) },
        { heading: word("heading-tools"), links: data.tools.filter(wanted("tool")) },
        { heading: word("heading-platforms"), links: data.platforms.filter(function (p) { return state.platforms.indexOf(p.id) >= 0; }) },
        { heading: word("heading-success"), items: each("success") }
      ]
    };
  }

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  }

  function absolute(url) { return new URL(url, window.location.href).href; }

  function render(description) {
    output.textContent = "";
    output.appendChild(element("h3", description.title));
    description.sections.forEach(function (section) {
      var items = section.paragraphs || section.items || section.links;
      if (!items.length) return;
      output.appendChild(element("h4", section.heading));
      if (section.paragraphs) {
        items.forEach(function (text) { output.appendChild(element("p", text)); });
        return;
      }
      var list = element("ul");
      items.forEach(function (item) {
        var entry = element("li", section.items ? item : "");
        if (section.links) {
          var link = element("a", item.name);
          link.href = item.url;
          entry.appendChild(link);
        }
        list.appendChild(entry);
      });
      output.appendChild(list);
    });
  }

  function markdown(description) {
    var lines = ["# " + description.title, ""];
    description.sections.forEach(function (section) {
      var items = section.paragraphs || section.items || section.links;
      if (!items.length) return;
      lines.push("## " + section.heading, "");
      items.forEach(function (item) {
        if (section.paragraphs) lines.push(item, "");
        else if (section.items) lines.push("- " + item);
        else lines.push("- [" + item.name + "](" + absolute(item.url) + ")");
      });
      if (!section.paragraphs) lines.push("");
    });
    return lines.join("\n").trim() + "\n";
  }

  function address(state) {
    var url = new URL(window.location.href);
    url.search = "";
    url.searchParams.set("role", state.role);
    if (state.stage) url.searchParams.set("stage", state.stage);
    if (state.platforms.length) url.searchParams.set("p", state.platforms.join(","));
    url.searchParams.set("paid", state.paid ? "1" : "0");
    url.searchParams.set("community", state.community ? "1" : "0");
    return url.pathname + url.search.replace(/%2C/gi, ",") + url.hash;
  }

  function restore() {
    var params = new URL(window.location.href).searchParams;
    var role = ROLES[params.get("role")] ? params.get("role") : "smm";
    var defaults = DEFAULTS[role];
    var flag = function (name) { return params.has(name) ? params.get(name) === "1" : defaults[name]; };
    var stages = inputs("stage").map(function (i) { return i.value; });
    var platforms = inputs("p").map(function (i) { return i.value; });
    return {
      role: role,
      stage: stages.indexOf(params.get("stage")) >= 0 ? params.get("stage") : "",
      platforms: (params.get("p") || "").split(",").filter(function (p) { return platforms.indexOf(p) >= 0; }),
      paid: flag("paid"),
      community: flag("community")
    };
  }

  var latest = null;
  function update(announce) {
    var state = current();
    latest = selection(state);
    render(latest);
    window.history.replaceState(window.history.state, "", address(state));
    actions.querySelector("[data-jd-share]").href = address(state);
    if (announce) status.textContent = word("ready") + " " + latest.title;
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "role") {
      var defaults = DEFAULTS[event.target.value];
      box("paid").checked = defaults.paid;
      box("community").checked = defaults.community;
    }
    update(true);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  actions.querySelector("[data-jd-copy]").addEventListener("click", function () {
    var text = markdown(latest);
    navigator.clipboard.writeText(text).then(
      function () { status.textContent = word("copied"); },
      function () { status.textContent = word("copy-failed"); }
    );
  });
  actions.querySelector("[data-jd-download]").addEventListener("click", function () {
    var blob = new Blob([markdown(latest)], { type: "text/markdown;charset=utf-8" });
    var link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = word("filename") + ".md";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    status.textContent = word("downloaded");
  });

  apply(restore());
  actions.hidden = false;
  output.hidden = false;
  update(false);
})();
