/* The header search box: Material's look, instant results from bulletin-search.js. */
(function () {
  "use strict";

  var engine = window.bulletinSearchEngine;
  var box = document.querySelector("[data-bulletin-search]");
  if (!engine || !box) return;
  var toggle = document.getElementById("__search");
  var input = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var form = box.querySelector("form");
  var SHOWN = 10;
  var latest = 0;
  var lastQuery = null;

  // As Material does: on small screens the open search covers the page, which must not scroll.
  var small = window.matchMedia("(max-width: 59.984375em)");
  function lockScroll() {
    if (toggle && toggle.checked && small.matches) document.body.setAttribute("data-md-scrolllock", "");
    else document.body.removeAttribute("data-md-scrolllock");
  }
  function open() { if (toggle) { toggle.checked = true; lockScroll(); } }
  function close() { if (toggle) { toggle.checked = false; lockScroll(); } input.blur(); }
  if (toggle) toggle.addEventListener("change", lockScroll);

  function allResultsLink(query) {
    return engine.searchPage + "?q=" + encodeURIComponent(query);
  }

  function render(query, found, documents, run) {
    if (run !== latest) return;
    var total = found.results.length;
    meta.innerHTML = total
      ? "找到 " + total + " 篇文章 · <a href=\"" + engine.escapeHtml(allResultsLink(query)) + "\">在搜索页筛选</a>"
      : "没有找到包含“" + engine.escapeHtml(query.trim()) + "”的文章";
    list.innerHTML = documents.map(function (doc) {
      return "<li class=\"md-search-result__item\"><a href=\"" + engine.escapeHtml(engine.resultUrl(doc, found.terms)) +
        "\" class=\"md-search-result__link\" tabindex=\"-1\"><article class=\"md-search-result__article md-typeset\">" +
        "<div class=\"md-search-result__icon md-icon\"></div>" +
        "<h1>" + engine.highlight(doc.t, found.terms) + "</h1>" +
        "<p class=\"bulletin-search__meta\">" + engine.resultMeta(doc, found.data) + "</p>" +
        "<p>" + engine.snippet(doc.x, found.terms) + "</p></article></a></li>";
    }).join("");
  }

  function run() {
    var query = input.value;
    if (query === lastQuery) return;
    lastQuery = query;
    var current = ++latest;
    if (!query.trim()) {
      meta.textContent = "输入关键词开始搜索";
      list.innerHTML = "";
      return;
    }
    engine.search(query).then(function (found) {
      if (current !== latest) return;
      return engine.documentsOf(found.results.slice(0, SHOWN)).then(function (documents) {
        render(query, found, documents, current);
      });
    }).catch(function () {
      if (current === latest) meta.textContent = "搜索索引加载失败";
    });
  }

  input.addEventListener("focus", function () { open(); engine.load("data"); });
  input.addEventListener("keyup", function (event) {
    if (event.key === "Escape") { close(); return; }
    open();
    run();
  });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (input.value.trim()) window.location.href = allResultsLink(input.value);
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { lastQuery = null; run(); input.focus(); }, 0);
  });
  // As in Material: the arrow keys move from the box through the results and back.
  box.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = event.key === "ArrowDown" ? at + 1 : (at < 0 ? links.length : at) - 1;
    event.preventDefault();
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  });
  document.addEventListener("keydown", function (event) {
    // Until Material has run (on the search page it starts after the first results), its
    // `no-js` styles give the box no width: opened then, it would dim the page with no focus.
    if (document.documentElement.classList.contains("no-js")) return;
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
    if (!typing && (event.key === "/" || event.key === "s")) { event.preventDefault(); open(); input.focus(); }
  });
  meta.textContent = "输入关键词开始搜索";
})();
