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
  // The search page's first script (partials/bulletin-search-kickoff.html) may have asked for
  // the URL's query files already: what arrived is adopted, what is on its way not asked twice.
  var kickoff = window.bulletinSearch || {};
  var loadedFiles = kickoff.arrived || {};
  var requested = kickoff.requested || {};
  var failedFiles = kickoff.failed || {};
  var waiting = {};
  function settle(name, outcome, value) {
    (waiting[name] || []).forEach(function (w) { w[outcome](value); });
    delete waiting[name];
  }
  window.bulletinSearch = {
    loaded: function (name, data) {
      loadedFiles[name] = data;
      settle(name, "resolve", data);
    },
    failed: function (name) {
      failedFiles[name] = true;
      settle(name, "reject", new Error("cannot load " + name));
    }
  };
  function load(name) {
    if (Object.prototype.hasOwnProperty.call(loadedFiles, name)) {
      return Promise.resolve(loadedFiles[name]);
    }
    if (failedFiles[name]) return Promise.reject(new Error("cannot load " + name));
    return new Promise(function (resolve, reject) {
      if (!waiting[name]) {
        waiting[name] = [];
        if (!requested[name]) {
          requested[name] = true;
          var script = document.createElement("script");
          script.src = searchDir + name + ".js";
          script.async = true;
          script.fetchPriority = "high";  // see bulletin-search-kickoff.html
          script.onerror = function () { window.bulletinSearch.failed(name); };
          document.head.appendChild(script);
        }
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
  function parseQuery(query, foldText) {
    var seen = {};
    return foldText(query).split(spaces || /\s+/).filter(function (term) {
      if (!term || seen[term]) return false;
      seen[term] = true;
      return true;
    }).map(function (term) {
      // The same keys as the search page's kickoff script (bulletin-search-kickoff.html).
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
    var values = new Int32Array(text.length);
    var count = 0, value = 0, scale = 1;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      var digit = code - 0x21 - (code > 0x22 ? 1 : 0) - (code > 0x5c ? 1 : 0);
      if (digit < 64) { values[count++] = value + digit * scale; value = 0; scale = 1; }
      else { value += (digit - 64) * scale; scale *= 28; }
    }
    return values.subarray(0, count);
  }

  /* The bucket of every key is known before data.js arrives (the page says how many buckets
     there are), so a query's buckets load alongside it instead of after it. */
  var pageBuckets = +config.getAttribute("data-buckets") || 0;
  function bucketCount(data) {
    return data ? data.buckets : pageBuckets;
  }
  function postingsOf(key, data) {
    var bucketName = "i" + bucketOf(key, bucketCount(data));
    return load(bucketName).then(function (bucket) {
      var entry = bucket[key];
      if (entry === undefined) return new Int32Array(0);
      if (typeof entry === "number") return load(bucketName + "-" + entry).then(decodePostings);
      return decodePostings(entry);
    });
  }

  /* Hits of a term: ascending document ids and, per document, its title and body counts. */
  function hitList(size) {
    return { size: size, docs: new Int32Array(size), title: new Int32Array(size), body: new Int32Array(size) };
  }

  /* A character's postings: triples (doc delta, title count, body count). */
  function characterHits(flat) {
    var hits = hitList(flat.length / 3);
    var doc = 0;
    for (var d = 0, i = 0; d < hits.size; d++, i += 3) {
      doc += flat[i];
      hits.docs[d] = doc; hits.title[d] = flat[i + 1]; hits.body[d] = flat[i + 2];
    }
    return hits;
  }

  /* How many documents a bigram's flat postings hold (each: doc delta, two counts, positions). */
  function bigramDocuments(flat) {
    var size = 0;
    for (var i = 0; i < flat.length; i += 3 + flat[i + 1] + flat[i + 2]) size++;
    return size;
  }

  /* A bigram's postings as hits plus absolute positions: the title positions of document d are
     positions[start[d]] … (title[d] of them), its body positions follow. */
  function bigramPostings(flat) {
    var size = bigramDocuments(flat), i;
    var list = hitList(size);
    list.start = new Int32Array(size);
    list.positions = new Int32Array(flat.length - 3 * size);
    var doc = 0, p = 0;
    i = 0;
    for (var d = 0; d < size; d++) {
      doc += flat[i];
      list.docs[d] = doc; list.title[d] = flat[i + 1]; list.body[d] = flat[i + 2];
      list.start[d] = p;
      i += 3;
      for (var field = 0; field < 2; field++) {  // positions restart in each field
        var at = 0;
        for (var k = field ? list.body[d] : list.title[d]; k > 0; k--) { at += flat[i++]; list.positions[p++] = at; }
      }
    }
    return list;
  }

  /* A bigram's hits without its positions (a two-character term needs no position check). */
  function bigramCounts(flat) {
    var size = bigramDocuments(flat), i;
    var hits = hitList(size);
    var doc = 0;
    i = 0;
    for (var d = 0; d < size; d++) {
      doc += flat[i];
      hits.docs[d] = doc; hits.title[d] = flat[i + 1]; hits.body[d] = flat[i + 2];
      i += 3 + flat[i + 1] + flat[i + 2];
    }
    return hits;
  }

  /* Exact occurrences of a term: every bigram of its cover at its offset from the term's start.
     Lists are in document order, so one forward pass over each finds the shared documents. */
  function termHits(term, flats) {
    if (Array.from(term.text).length === 1) return characterHits(flats[0]);
    if (flats.length === 1) return bigramCounts(flats[0]);  // two characters: counts suffice
    var lists = flats.map(bigramPostings);
    var smallest = lists.reduce(function (a, b) { return b.size < a.size ? b : a; });
    var hits = hitList(smallest.size);
    var at = lists.map(function () { return 0; });  // per list: its entry for the current doc
    var found = 0;
    for (var s = 0; s < smallest.size; s++) {
      var doc = smallest.docs[s], everywhere = true;
      for (var j = 0; j < lists.length && everywhere; j++) {
        while (at[j] < lists[j].size && lists[j].docs[at[j]] < doc) at[j]++;
        everywhere = at[j] < lists[j].size && lists[j].docs[at[j]] === doc;
      }
      if (!everywhere) continue;
      var title = occurrences(term, lists, at, 0), body = occurrences(term, lists, at, 1);
      if (title + body === 0) continue;
      hits.docs[found] = doc; hits.title[found] = title; hits.body[found] = body;
      found++;
    }
    hits.size = found;
    return hits;
  }

  /* How many positions of the first key (offset 0) in one field have every other key at its
     offset; positions ascend, so each other key's positions are walked once. */
  function occurrences(term, lists, at, field) {
    function range(j) {
      var list = lists[j], d = at[j];
      var from = list.start[d] + (field ? list.title[d] : 0);
      return [from, from + (field ? list.body[d] : list.title[d])];
    }
    var anchor = range(0), others = [];
    for (var j = 1; j < lists.length; j++) others.push(range(j));
    var count = 0;
    for (var p = anchor[0]; p < anchor[1]; p++) {
      var start = lists[0].positions[p], all = true;
      for (var o = 0; o < others.length && all; o++) {
        var want = start + term.keys[o + 1].offset, positions = lists[o + 1].positions, r = others[o];
        while (r[0] < r[1] && positions[r[0]] < want) r[0]++;
        all = r[0] < r[1] && positions[r[0]] === want;
      }
      if (all) count++;
    }
    return count;
  }

  /* Documents in every term's hits, ranked: title matches first, more matches, then newer
     (lower id). Each is packed into one number, so the engine's native sort ranks 20,000
     results in a few milliseconds (a comparator function took ten times as long). */
  var ID_LIMIT = 0x100000, COUNT_LIMIT = 0x100000;  // ids and counts below 2^20
  function rankedResults(perTerm) {
    perTerm.sort(function (a, b) { return a.size - b.size; });
    var at = perTerm.map(function () { return 0; });
    var packed = new Float64Array(perTerm[0].size), found = 0;
    for (var s = 0; s < perTerm[0].size; s++) {
      var doc = perTerm[0].docs[s], title = perTerm[0].title[s], body = perTerm[0].body[s], everywhere = true;
      for (var t = 1; t < perTerm.length && everywhere; t++) {
        var other = perTerm[t];
        while (at[t] < other.size && other.docs[at[t]] < doc) at[t]++;
        everywhere = at[t] < other.size && other.docs[at[t]] === doc;
        if (everywhere) { title += other.title[at[t]]; body += other.body[at[t]]; }
      }
      if (!everywhere) continue;
      var total = Math.min(title + body, COUNT_LIMIT - 1);
      packed[found++] = ((title > 0 ? COUNT_LIMIT : 0) + total) * ID_LIMIT + (ID_LIMIT - 1 - doc);
    }
    packed = packed.subarray(0, found).sort().reverse();
    var results = new Array(found);
    for (var r = 0; r < found; r++) {
      var value = packed[r], rank = Math.floor(value / ID_LIMIT);
      results[r] = { id: ID_LIMIT - 1 - (value - rank * ID_LIMIT), titleMatch: rank >= COUNT_LIMIT, count: rank % COUNT_LIMIT };
    }
    return results;
  }

  function search(query) {
    // The URL's query folds like the index in nearly every case (NFKC, lower case; only the
    // traditional-to-simplified table is in data.js): its buckets are asked for at once.
    if (!loadedFiles.data && pageBuckets) parseQuery(query, function (text) { return text.normalize("NFKC").toLowerCase(); })
      .forEach(function (term) {
        // Only asked for here; a failure is handled where the lists are used, below.
        term.keys.forEach(function (k) { postingsOf(k.key, null).catch(function () {}); });
      });
    return load("data").then(function (data) {
      prepareFold(data);
      var terms = parseQuery(query, fold);
      if (!terms.length) return { terms: [], results: [], data: data };
      return Promise.all(terms.map(function (term) {
        return Promise.all(term.keys.map(function (k) { return postingsOf(k.key, data); }))
          .then(function (lists) { return termHits(term, lists); });
      })).then(function (perTerm) {
        return { terms: terms, results: rankedResults(perTerm), data: data };
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
  /* A result's address: its article, with the query's terms for the page to mark (?h=…,
     before the anchor; docs/assets/reading.js). */
  function resultUrl(doc, terms) {
    var hash = doc.u.indexOf("#");
    var path = hash < 0 ? doc.u : doc.u.slice(0, hash), anchor = hash < 0 ? "" : doc.u.slice(hash);
    var words = terms.map(function (term) { return term.text; }).join(" ");
    return siteRoot + path + (words ? "?h=" + encodeURIComponent(words) : "") + anchor;
  }
  /* What each result shows of its article; consecutive articles share a file (search_files.py). */
  function documentsOf(results) {
    return load("data").then(function (data) {
      var perFile = data.documentsPerFile;
      return Promise.all(results.map(function (r) {
        return load("d" + Math.floor(r.id / perFile)).then(function (shared) { return shared[r.id % perFile]; });
      }));
    });
  }

  window.bulletinSearchEngine = {
    load: load, search: search, fold: fold, decodePostings: decodePostings, highlight: highlight, snippet: snippet,
    escapeHtml: escapeHtml, resultMeta: resultMeta, documentsOf: documentsOf, resultUrl: resultUrl,
    siteRoot: siteRoot, searchPage: searchPage
  };
  // On the search page: start loading what the URL's query needs while the page still loads.
  var query = new URLSearchParams(window.location.search).get("q");
  if (config.hasAttribute("data-prefetch") && query) {
    search(query).then(function (found) { return documentsOf(found.results.slice(0, 10)); })
      .catch(function () {});
  }
})();
