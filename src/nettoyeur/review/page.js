// nettoyeur review page: search and filters over the items, from disk, without a server.
(function () {
  "use strict";
  var q = document.getElementById("q");
  var reason = document.getElementById("reason");
  var file = document.getElementById("file");
  var shown = document.getElementById("shown");
  var none = document.getElementById("none");
  var items = Array.prototype.slice.call(document.querySelectorAll("article.item"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.files tbody tr"));
  // Lower-cased text of each item, computed once (the page holds a few thousand items at most).
  var texts = items.map(function (el) { return el.textContent.toLowerCase(); });

  function matches(el, k, words, r, f) {
    // data-reason and data-file hold one value per line (a cluster has several of each).
    if (r && el.getAttribute("data-reason").split("\n").indexOf(r) < 0) { return false; }
    if (f && el.getAttribute("data-file").split("\n").indexOf(f) < 0) { return false; }
    for (var i = 0; i < words.length; i++) {
      if (texts[k].indexOf(words[i]) < 0) { return false; }
    }
    return true;
  }

  function apply() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var r = reason.value, f = file.value, visible = 0;
    items.forEach(function (el, k) {
      var ok = matches(el, k, words, r, f);
      el.hidden = !ok;
      if (ok) { visible += 1; }
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector("article.item:not([hidden])"); });
    rows.forEach(function (tr) { tr.hidden = Boolean(f) && tr.getAttribute("data-file") !== f; });
    shown.textContent = visible + " of " + items.length + " items";
    none.hidden = visible > 0;
  }

  var timer = null;
  q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  reason.addEventListener("change", apply);
  file.addEventListener("change", apply);
  // A click on a bar of the chart filters by its reason.
  Array.prototype.forEach.call(document.querySelectorAll("svg.chart rect.bar[data-reason]"), function (bar) {
    bar.style.cursor = "pointer";
    bar.addEventListener("click", function () {
      reason.value = bar.getAttribute("data-reason");
      apply();
      document.getElementById("samples").scrollIntoView();
    });
  });
  apply();
}());
