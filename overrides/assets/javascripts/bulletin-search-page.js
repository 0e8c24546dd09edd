/* The search page: query and filters from the URL (?q=…&department=…&topic=…&year=…&from=…&to=…),
 * results in <ol id="search-results">, the total in #search-count, filter counts per value. */
(function () {
  "use strict";

  /* Material's bundle, left inert by search-page.html, starts once the first results are on
     screen, or the search has ended without them, or the reader acts, or after MATERIAL_LATEST
     ms, whichever comes first; the tag's data-started-by says which. Material starts on
     DOMContentLoaded, which has passed by then: the event is sent again once its bundle has
     run (no other script of the page listens to it: see extra_javascript in mkdocs.yml). */
  var MATERIAL_LATEST = 2000;
  var materialStarted = false;
  function startMaterial(reason) {
    var inert = document.getElementById("material-bundle");
    if (materialStarted || !inert) return;
    materialStarted = true;
    inert.setAttribute("data-started-by", reason);
    function run() {
      var script = document.createElement("script");
      script.src = inert.getAttribute("data-src");
      script.onload = function () { document.dispatchEvent(new Event("DOMContentLoaded")); };
      document.body.appendChild(script);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
    else run();
  }
  ["pointerdown", "keydown", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function () { startMaterial("input"); }, { once: true, passive: true });
  });
  setTimeout(function () { startMaterial("timeout"); }, MATERIAL_LATEST);

  var engine = window.bulletinSearchEngine;
  var form = document.getElementById("search-form");
  if (!engine || !form) return startMaterial("no search engine");
  var input = document.getElementById("search-query");
  var countElement = document.getElementById("search-count");
  var resultList = document.getElementById("search-results");
  var filterElement = document.getElementById("search-filters");
  var moreButton = document.getElementById("search-more");
  var filterToggle = document.getElementById("search-filter-toggle");
  var selectedElement = document.getElementById("search-filter-selected");
  var clearButton = document.getElementById("search-clear");
  var PAGE = 10;
  var FACETS = [
    { name: "year", title: "年份", label: function (v) { return v + "年"; } },
    { name: "department", title: "部门", label: function (v, data) { return data.departments[v] || v; } },
    { name: "topic", title: "专题", label: function (v, data) { return data.topics[v] || v; } }
  ];
  var state = readUrl();
  var current = null;  // {found, filtered, shown}
  var firstFrameAsked = false;
  var latest = 0;

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    return {
      q: params.get("q") || "",
      year: params.getAll("year"), department: params.getAll("department"), topic: params.getAll("topic"),
      from: params.get("from") || "", to: params.get("to") || ""
    };
  }
  function writeUrl() {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (f) { state[f.name].slice().sort().forEach(function (v) { params.append(f.name, v); }); });
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    var search = params.toString();
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  }
  function filtering() {
    return state.year.length || state.department.length || state.topic.length || state.from || state.to;
  }
  function selectedCount() {
    return state.year.length + state.department.length + state.topic.length + (state.from ? 1 : 0) + (state.to ? 1 : 0);
  }
  /* Every article, newest first: what filters narrow down when there is no query (a
     department's articles of a year, without a keyword). */
  function allArticles(count) {
    var results = new Array(count);
    for (var id = 0; id < count; id++) results[id] = { id: id, titleMatch: false, count: 0 };
    return results;
  }

  /* Per article: its date, year, departments and topics, decoded once from facets.js into
     typed arrays (a Map of arrays per article took a quarter of a second at 25,000 articles). */
  var facetIndex = null;
  function dateNumber(iso) { return +iso.replace(/-/g, ""); }  // 2021-03-11 -> 20210311
  function facetsOf(facets, documentCount) {
    if (facetIndex) return facetIndex;
    var index = { date: new Int32Array(documentCount), values: {}, start: {}, list: {} };
    facets.dates.forEach(function (entry, i) {  // [ISO date, first id], ids ascending
      var end = i + 1 < facets.dates.length ? facets.dates[i + 1][1] : documentCount;
      index.date.fill(dateNumber(entry[0]), entry[1], end);
    });
    ["department", "topic"].forEach(function (name) {
      var table = facets[name === "department" ? "departments" : "topics"];
      var values = Object.keys(table);
      var ids = values.map(function (value) {
        var list = engine.decodePostings(table[value]);  // deltas
        for (var k = 1; k < list.length; k++) list[k] += list[k - 1];
        return list;
      });
      // Per article the indices of its values: article id's are list[start[id] .. start[id + 1]).
      var start = new Int32Array(documentCount + 1);
      ids.forEach(function (list) { list.forEach(function (id) { start[id + 1]++; }); });
      for (var d = 0; d < documentCount; d++) start[d + 1] += start[d];
      var list = new Int32Array(start[documentCount]), next = start.slice(0, documentCount);
      ids.forEach(function (articles, v) { articles.forEach(function (id) { list[next[id]++] = v; }); });
      index.values[name] = values; index.start[name] = start; index.list[name] = list;
    });
    facetIndex = index;
    return index;
  }

  /* Results passing every filter, and per facet value the count under the other filters. */
  function applyFilters(results, index) {
    var years = state.year.length ? new Set(state.year.map(Number)) : null;
    var from = state.from ? dateNumber(state.from) : 0, to = state.to ? dateNumber(state.to) : 99999999;
    var wanted = {}, counted = {};
    ["department", "topic"].forEach(function (name) {
      var values = index.values[name];
      wanted[name] = state[name].length ? new Uint8Array(values.length) : null;
      state[name].forEach(function (v) { var at = values.indexOf(v); if (at >= 0) wanted[name][at] = 1; });
      counted[name] = new Int32Array(values.length);
    });
    var yearCounts = {};
    function passes(name, id) {
      if (!wanted[name]) return true;
      for (var k = index.start[name][id]; k < index.start[name][id + 1]; k++) {
        if (wanted[name][index.list[name][k]]) return true;
      }
      return false;
    }
    function count(name, id) {
      for (var k = index.start[name][id]; k < index.start[name][id + 1]; k++) counted[name][index.list[name][k]]++;
    }
    var kept = [];
    results.forEach(function (result) {
      var id = result.id, date = index.date[id], year = Math.floor(date / 10000);
      var okYear = !years || years.has(year), okDate = date >= from && date <= to;
      var okDepartment = passes("department", id), okTopic = passes("topic", id);
      var failing = !okYear + !okDate + !okDepartment + !okTopic;
      if (!failing) kept.push(result);
      // A facet's counts show what ticking a value would give: the other filters apply.
      if (failing - !okYear === 0) yearCounts[year] = (yearCounts[year] || 0) + 1;
      if (failing - !okDepartment === 0) count("department", id);
      if (failing - !okTopic === 0) count("topic", id);
    });
    var counts = { year: yearCounts, department: {}, topic: {} };
    ["department", "topic"].forEach(function (name) {
      index.values[name].forEach(function (v, i) { if (counted[name][i]) counts[name][v] = counted[name][i]; });
    });
    return { kept: kept, counts: counts };
  }

  function renderFilters(counts, data) {
    // The filters are redrawn with new counts: a keyboard user who just ticked one keeps focus on it.
    var active = document.activeElement;
    var focused = active && filterElement.contains(active) ? [active.getAttribute("data-facet"), active.value] : null;
    filterElement.innerHTML = FACETS.map(function (facet) {
      var values = Object.keys(counts[facet.name]);
      state[facet.name].forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
      values.sort(function (a, b) {
        if (facet.name === "year") return b.localeCompare(a);
        return (counts[facet.name][b] || 0) - (counts[facet.name][a] || 0) || a.localeCompare(b);
      });
      if (!values.length) return "";
      return "<section class=\"bulletin-search-facet\"><h2>" + facet.title + "</h2><ul>" +
        values.map(function (v) {
          var checked = state[facet.name].indexOf(v) >= 0 ? " checked" : "";
          return "<li><label><input type=\"checkbox\" data-facet=\"" + facet.name + "\" value=\"" +
            engine.escapeHtml(v) + "\"" + checked + "> " + engine.escapeHtml(facet.label(v, data)) +
            " <span class=\"bulletin-search-facet__count\">" + (counts[facet.name][v] || 0) + "</span></label></li>";
        }).join("") + "</ul></section>";
    }).join("");
    if (focused) {
      Array.prototype.forEach.call(filterElement.querySelectorAll("input[data-facet]"), function (box) {
        if (box.getAttribute("data-facet") === focused[0] && box.value === focused[1]) box.focus();
      });
    }
  }

  function renderItems(documents, found) {
    return documents.map(function (doc) {
      return "<li class=\"bulletin-search-result\"><a class=\"bulletin-search-result__title\" href=\"" +
        engine.escapeHtml(engine.resultUrl(doc, found.terms)) + "\">" + engine.highlight(doc.t, found.terms) + "</a>" +
        "<p class=\"bulletin-search-result__meta\">" + engine.resultMeta(doc, found.data) + "</p>" +
        "<p class=\"bulletin-search-result__snippet\">" + engine.snippet(doc.x, found.terms) + "</p></li>";
    }).join("");
  }

  /* The next page of results. Each result's file loads on its own; results are added in rank
     order as soon as every one ranked above them is in, so the first is shown without waiting
     for the slowest of ten. Resolves when the whole page is in. */
  function showMore(run) {
    var next = current.filtered.slice(current.shown, current.shown + PAGE);
    var documents = new Array(next.length), added = 0;
    function addReady() {
      if (run !== latest) return;
      var ready = added;
      while (ready < next.length && documents[ready]) ready++;
      if (ready === added) return;
      resultList.insertAdjacentHTML("beforeend", renderItems(documents.slice(added, ready), current.found));
      added = ready;
      // For the benchmark: when the first results reach the screen (the next frame; asked
      // for once, though several results may be added before that frame).
      if (!firstFrameAsked) {
        firstFrameAsked = true;
        requestAnimationFrame(function () {
          window.bulletinSearchFirstPaint = performance.now();
          startMaterial("first results");
        });
      }
    }
    return Promise.all(next.map(function (result, i) {
      return engine.documentsOf([result]).then(function (loaded) { documents[i] = loaded[0]; addReady(); });
    })).then(function () {
      if (run !== latest) return;
      current.shown += next.length;
      moreButton.hidden = current.shown >= current.filtered.length;
    });
  }

  function show(found, filtered, run) {
    if (run !== latest) return;
    current = { found: found, filtered: filtered, shown: 0 };
    var reversed = state.from && state.to && state.from > state.to;
    countElement.textContent = reversed
      ? "开始日期晚于结束日期：请改正日期，或清除筛选"
      : found.terms.length || filtering()
      ? "共 " + filtered.length + " 篇文章" + (filtered.length < found.results.length ? "（筛选自 " + found.results.length + " 篇）" : "")
      : "";
    resultList.innerHTML = "";
    moreButton.hidden = true;
    return showMore(run).then(function () {
      // Set once the first page of results is in the list: scripts wait for it (see README).
      if (run === latest) countElement.setAttribute("data-count", String(filtered.length));
    });
  }

  function update() {
    var run = ++latest;
    writeUrl();
    input.value = state.q;
    form.elements.from.value = state.from;
    form.elements.to.value = state.to;
    var selected = selectedCount();
    selectedElement.textContent = selected ? "（已选 " + selected + " 项）" : "";
    clearButton.hidden = !selected;
    var browsing = !state.q.trim();
    if (browsing && !filtering()) {
      // Nothing asked yet: no results, but every filter with its count over all articles,
      // so that one can be picked without a keyword.
      current = null;
      countElement.textContent = "输入关键词搜索；也可以不输入关键词，在“筛选”中选年份、部门或专题。";
      countElement.removeAttribute("data-count");
      resultList.innerHTML = "";
      moreButton.hidden = true;
      return engine.search("").then(function (found) {
        if (run !== latest) return;
        return engine.load("facets").then(function (facets) {
          if (run !== latest) return;
          var everything = allArticles(found.data.documents);
          renderFilters(applyFilters(everything, facetsOf(facets, found.data.documents)).counts, found.data);
        });
      }).catch(function () {
        if (run === latest) countElement.textContent = "搜索索引加载失败";
      });
    }
    return engine.search(state.q).then(function (found) {
      if (run !== latest) return;
      if (browsing) found.results = allArticles(found.data.documents);
      var withFacets = function () {
        return engine.load("facets").then(function (facets) {
          if (run !== latest) return;
          var applied = applyFilters(found.results, facetsOf(facets, found.data.documents));
          renderFilters(applied.counts, found.data);
          return applied.kept;
        });
      };
      // Without filters the results do not wait for facets.js: paint first, count filters after.
      if (!filtering()) return show(found, found.results, run).then(withFacets);
      return withFacets().then(function (kept) { return show(found, kept, run); });
    }).catch(function () {
      if (run === latest) countElement.textContent = "搜索索引加载失败";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    state.q = input.value;
    state.from = form.elements.from.value;
    state.to = form.elements.to.value;
    update();
  });
  [form.elements.from, form.elements.to].forEach(function (field) {
    field.addEventListener("change", function () {
      state[field.name] = field.value;
      update();
    });
  });
  filterElement.addEventListener("change", function (event) {
    var box = event.target;
    var name = box.getAttribute("data-facet");
    if (!name) return;
    state[name] = state[name].filter(function (v) { return v !== box.value; });
    if (box.checked) state[name].push(box.value);
    update();
  });
  moreButton.addEventListener("click", function () { showMore(latest); });
  clearButton.addEventListener("click", function () {
    FACETS.forEach(function (f) { state[f.name] = []; });
    state.from = state.to = "";
    input.focus();  // the button hides itself: focus must not fall back to the page
    update();
  });
  // Filters are folded away on a phone (results first) and always open on a wider screen.
  var wide = window.matchMedia("(min-width: 45em)");
  function openOnWideScreens() { if (wide.matches) filterToggle.open = true; }
  if (wide.addEventListener) wide.addEventListener("change", openOnWideScreens);

  // After the frame that shows the results (or says there are none).
  function startMaterialNextFrame() {
    requestAnimationFrame(function () { startMaterial("search ended"); });
  }
  update().then(startMaterialNextFrame, startMaterialNextFrame);
})();
