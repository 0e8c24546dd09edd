/* Search of the bulletin site: one engine for the header box and the search page.
 *
 * The index is built by the site build (hooks/bulletins/search_files.py) as JavaScript files
 * that call bulletinSearch.loaded(name, data); they are loaded with <script> tags, which also
 * work from file:// where fetch() and workers do not. Matching is exact: a query is folded
 * like the indexed text (the same table), split at white space into terms, and every term must
 * occur as a substring of the article's title or text. Plain JavaScript, no dependencies.
 */
(function () {
  "use strict";

  // The search page loads this script early (async, in <head>) and the header again: run once.
  if (window.bulletinSearchEngine) return;
  var config = document.currentScript;
  var searchDir = config.getAttribute("data-search-dir");
  var siteRoot = config.getAttribute("data-site-root");
  var searchPage = config.getAttribute("data-search-page");

  /* ---- loading index files through <script> tags ---- */
  var loadedFiles = {};
  var waiting = {};
  window.bulletinSearch = {
    loaded: function (name, data) {
      loadedFiles[name] = data;
      (waiting[name] || []).forEach(function (w) { w.resolve(data); });
      delete waiting[name];
    }
  };
  function load(name) {
    if (Object.prototype.hasOwnProperty.call(loadedFiles, name)) {
      return Promise.resolve(loadedFiles[name]);
    }
    return new Promise(function (resolve, reject) {
      if (!waiting[name]) {
        waiting[name] = [];
        var script = document.createElement("script");
        script.src = searchDir + name + ".js";
        script.async = true;
        script.onerror = function () {
          (waiting[name] || []).forEach(function (w) { w.reject(new Error("cannot load " + name)); });
          delete waiting[name];
        };
        document.head.appendChild(script);
      }
      waiting[name].push({ resolve: resolve, reject: reject });
    });
  }

  /* ---- folding: the build's table, one character to one character ---- */
  var foldMap = null;
  var spaces = null;
  function prepareFold(data) {
    if (foldMap) return;
    spaces = new RegExp("[" + data.spaces + "]+");  // Python's str.isspace, as the index
    foldMap = new Map();
    data.foldRuns.forEach(function (run) {
      for (var i = 0; i < run[2]; i++) foldMap.set(run[0] + i, run[1] + i);
    });
    for (var i = 0; i + 1 < data.foldPairs.length; i += 2) {
      foldMap.set(data.foldPairs.charCodeAt(i), data.foldPairs.charCodeAt(i + 1));
    }
  }
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      var folded = foldMap.get(code);
      out += String.fromCharCode(folded === undefined ? code : folded);
    }
    return out;
  }

  /* ---- query: terms, and the keys (characters or bigrams) that check each term ---- */
  function parseQuery(query) {
    var seen = {};
    return fold(query).split(spaces).filter(function (term) {
      if (!term || seen[term]) return false;
      seen[term] = true;
      return true;
    }).map(function (term) {
      var chars = Array.from(term);
      if (chars.length === 1) return { text: term, keys: [{ offset: 0, key: term }] };
      var keys = [];
      for (var i = 0; i + 1 < chars.length; i += 2) keys.push({ offset: i, key: chars[i] + chars[i + 1] });
      if (chars.length % 2 === 1) {
        var last = chars.length - 2;
        keys.push({ offset: last, key: chars[last] + chars[last + 1] });
      }
      return { text: term, keys: keys };
    });
  }

  function bucketOf(key, buckets) {
    var value = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      value ^= key.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value % buckets;
  }

  /* A posting list is digit text (see search_index.py): printable ASCII without '"' and '\\';
     the first 64 characters end an integer, the other 28 continue it (little-endian). */
  function decodePostings(text) {
    var values = [];
    var value = 0, scale = 1;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      var digit = code - 0x21 - (code > 0x22 ? 1 : 0) - (code > 0x5c ? 1 : 0);
      if (digit < 64) { values.push(value + digit * scale); value = 0; scale = 1; }
      else { value += (digit - 64) * scale; scale *= 28; }
    }
    return values;
  }

  function postingsOf(key, data) {
    var bucketName = "i" + bucketOf(key, data.buckets);
    return load(bucketName).then(function (bucket) {
      var entry = bucket[key];
      if (entry === undefined) return [];
      if (typeof entry === "number") return load(bucketName + "-" + entry).then(decodePostings);
      return decodePostings(entry);
    });
  }

  /* Map doc id -> [title hits, body hits] for a single character. */
  function characterHits(flat) {
    var hits = new Map();
    var doc = 0;
    for (var i = 0; i < flat.length; i += 3) {
      doc += flat[i];
      hits.set(doc, [flat[i + 1], flat[i + 2]]);
    }
    return hits;
  }

  /* Map doc id -> [title positions, body positions] for a bigram. */
  function bigramPositions(flat) {
    var positions = new Map();
    var doc = 0;
    var i = 0;
    while (i < flat.length) {
      doc += flat[i];
      var counts = [flat[i + 1], flat[i + 2]];
      i += 3;
      var fields = [];
      for (var f = 0; f < 2; f++) {
        var list = new Array(counts[f]);
        var at = 0;
        for (var k = 0; k < counts[f]; k++) { at += flat[i + k]; list[k] = at; }
        i += counts[f];
        fields.push(list);
      }
      positions.set(doc, fields);
    }
    return positions;
  }

  /* Exact occurrences of a term: every bigram of its cover at its offset from the start. */
  function termHits(term, lists) {
    if (term.keys.length === 1 && Array.from(term.text).length === 1) return characterHits(lists[0]);
    var decoded = lists.map(bigramPositions);
    var order = decoded.map(function (_, i) { return i; });
    order.sort(function (a, b) { return decoded[a].size - decoded[b].size; });
    var hits = new Map();
    decoded[order[0]].forEach(function (_, doc) {
      for (var j = 0; j < decoded.length; j++) if (!decoded[j].has(doc)) return;
      var counts = [0, 0];
      for (var field = 0; field < 2; field++) {
        var sets = term.keys.map(function (k, j) {
          return j === 0 ? null : new Set(decoded[j].get(doc)[field]);
        });
        decoded[0].get(doc)[field].forEach(function (start) {
          for (var j = 1; j < term.keys.length; j++) {
            if (!sets[j].has(start + term.keys[j].offset)) return;
          }
          counts[field]++;
        });
      }
      if (counts[0] + counts[1] > 0) hits.set(doc, counts);
    });
    return hits;
  }

  /* All matching articles, ranked: title matches first, more matches, then newer (lower id). */
  function search(query) {
    return load("data").then(function (data) {
      prepareFold(data);
      var terms = parseQuery(query);
      if (!terms.length) return { terms: [], results: [], data: data };
      return Promise.all(terms.map(function (term) {
        return Promise.all(term.keys.map(function (k) { return postingsOf(k.key, data); }))
          .then(function (lists) { return termHits(term, lists); });
      })).then(function (perTerm) {
        perTerm.sort(function (a, b) { return a.size - b.size; });
        var results = [];
        perTerm[0].forEach(function (first, doc) {
          var title = first[0], body = first[1];
          for (var t = 1; t < perTerm.length; t++) {
            var other = perTerm[t].get(doc);
            if (!other) return;
            title += other[0];
            body += other[1];
          }
          results.push({ id: doc, title: title, body: body });
        });
        results.sort(function (a, b) {
          return (b.title > 0) - (a.title > 0) || (b.title + b.body) - (a.title + a.body) || a.id - b.id;
        });
        return { terms: terms, results: results, data: data };
      });
    });
  }

  /* ---- presentation ---- */
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function chineseDate(iso) {
    var p = iso.split("-");
    return +p[0] + "年" + +p[1] + "月" + +p[2] + "日";
  }
  /* The original text with every term occurrence marked (folded text has the same length). */
  function highlight(text, terms) {
    var folded = fold(text);
    var marks = new Array(text.length + 1).fill(0);
    terms.forEach(function (term) {
      for (var at = folded.indexOf(term.text); at >= 0; at = folded.indexOf(term.text, at + 1)) {
        marks[at]++;
        marks[at + term.text.length]--;
      }
    });
    var out = "", depth = 0, open = false;
    for (var i = 0; i <= text.length; i++) {
      depth += marks[i];
      if (depth > 0 && !open) { out += "<mark>"; open = true; }
      if (depth <= 0 && open) { out += "</mark>"; open = false; }
      if (i < text.length) out += escapeHtml(text[i]);
    }
    return out;
  }
  function snippet(text, terms) {
    var folded = fold(text);
    var first = -1;
    terms.forEach(function (term) {
      var at = folded.indexOf(term.text);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = Math.max(0, first - 30);
    var end = Math.min(text.length, start + 120);
    return (start > 0 ? "…" : "") + highlight(text.slice(start, end), terms) + (end < text.length ? "…" : "");
  }
  /* "工作简报 2021年第9期 · 2021年3月11日 · 市住建局、市文明办", escaped. */
  function resultMeta(doc, data) {
    var departments = doc.p.map(function (id) { return data.departments[id] || id; }).join("、");
    return escapeHtml(doc.b + " · " + chineseDate(doc.d) + " · " + departments);
  }
  function documentsOf(results) {
    return Promise.all(results.map(function (r) { return load("d" + r.id); }));
  }

  window.bulletinSearchEngine = {
    load: load, search: search, fold: fold, decodePostings: decodePostings, highlight: highlight, snippet: snippet,
    escapeHtml: escapeHtml, resultMeta: resultMeta, documentsOf: documentsOf,
    siteRoot: siteRoot, searchPage: searchPage
  };
  // On the search page: start loading what the URL's query needs while the page still loads.
  var query = new URLSearchParams(window.location.search).get("q");
  if (config.hasAttribute("data-prefetch") && query) {
    search(query).then(function (found) { return documentsOf(found.results.slice(0, 10)); })
      .catch(function () {});
  }
})();
