// Filters a timeline in place by type and domain. Without JavaScript the links above
// the timeline do the same through the per-type and per-domain pages.
(function () {
  "use strict";
  var list = document.querySelector("[data-timeline]");
  var nav = document.querySelector(".timeline-filter");
  if (!list || !nav) return;
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-type]"));
  if (items.length < 2) return;
  // The theme's words, in the site's language, from the page (themes/default/i18n/).
  var words = list.dataset;

  function select(name, label, options) {
    var wrap = document.createElement("label");
    wrap.appendChild(document.createTextNode(label + " "));
    var s = document.createElement("select");
    s.name = name;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = words.wordsAll || "";
    s.appendChild(all);
    options.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o.value;
      opt.textContent = o.label;
      s.appendChild(opt);
    });
    wrap.appendChild(s);
    return wrap;
  }
  function options(selector, attr) {
    var seen = {}, out = [];
    Array.prototype.forEach.call(nav.querySelectorAll(selector), function (a) {
      var v = a.getAttribute(attr);
      if (v && !seen[v]) { seen[v] = true; out.push({ value: v, label: a.textContent }); }
    });
    return out;
  }
  var present = {};
  items.forEach(function (li) { present[li.getAttribute("data-type")] = true; });
  var types = options("[data-type-key]", "data-type-key").filter(function (o) { return present[o.value]; });
  var domains = options("[data-domain-key]", "data-domain-key");

  var form = document.createElement("form");
  form.className = "timeline-js-filter";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", words.wordsFilter || "");
  if (types.length > 1) form.appendChild(select("type", words.wordsType || "", types));
  if (domains.length > 0) form.appendChild(select("domain", words.wordsDomain || "", domains));
  var status = document.createElement("span");
  status.className = "muted";
  status.setAttribute("aria-live", "polite");
  form.appendChild(status);
  if (!form.querySelector("select")) return;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  nav.appendChild(form);

  function apply() {
    var type = form.type ? form.type.value : "", domain = form.domain ? form.domain.value : "";
    var shown = 0;
    items.forEach(function (li) {
      var ok = (!type || li.getAttribute("data-type") === type) &&
               (!domain || (" " + li.getAttribute("data-domains") + " ").indexOf(" " + domain + " ") >= 0);
      li.hidden = !ok;
      if (ok) shown++;
    });
    Array.prototype.forEach.call(list.querySelectorAll(".timeline-month, .timeline-year"), function (sec) {
      sec.hidden = !sec.querySelector("li[data-type]:not([hidden])");
    });
    status.textContent = type || domain ? " " + shown + " of " + items.length + " shown" : "";
  }
  form.addEventListener("change", apply);
})();
