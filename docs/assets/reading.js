// The font-size control (标准 / 大 / 特大): sets data-font-size on <html>, which reading.css
// turns into a larger root font size (Material sizes everything in rem, so all text scales),
// and remembers the choice. localStorage may throw (file:// in some browsers, privacy modes):
// the control then still works for the page, only it is not remembered.
(function () {
  "use strict";
  var KEY = "bulletin.fontSize";
  var SIZES = ["standard", "large", "x-large"];

  function remembered() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (error) {
      return null;
    }
  }

  function remember(size) {
    try {
      window.localStorage.setItem(KEY, size);
    } catch (error) {
      // Not remembered; the page still changes.
    }
  }

  function apply(size) {
    if (SIZES.indexOf(size) < 0) size = "standard";
    if (size === "standard") document.documentElement.removeAttribute("data-font-size");
    else document.documentElement.setAttribute("data-font-size", size);
    var buttons = document.querySelectorAll(".reading-fontsize__option");
    for (var i = 0; i < buttons.length; i++) {
      var pressed = buttons[i].getAttribute("data-font-size") === size;
      buttons[i].setAttribute("aria-pressed", pressed ? "true" : "false");
    }
  }

  function start() {
    apply(remembered() || "standard");
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".reading-fontsize__option");
      if (!button) return;
      var size = button.getAttribute("data-font-size");
      apply(size);
      remember(size);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// Search words on an article reached from a result (?h=消防车通道 东昌府区, the terms as the
// search folded them): marked in the page's text, so the reader sees why it was found.
// Each character is compared as search folds it where that keeps one character (NFKC, lower
// case, straight quotes); the terms are already simplified, as the bulletins are.
(function () {
  "use strict";
  var QUOTES = { "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'" };
  var MOST = 300; // marks per page: enough for any article, bounded for a common character

  function foldChar(c) {
    var folded = c.normalize ? c.normalize("NFKC").toLowerCase() : c.toLowerCase();
    if (folded.length !== 1) folded = c;
    return QUOTES[folded] || folded;
  }

  function mark() {
    var words;
    try {
      words = (new URLSearchParams(window.location.search).get("h") || "").split(/\s+/);
    } catch (error) {
      return;
    }
    words = words.filter(function (w) { return w; });
    var root = document.querySelector(".md-content .bulletin-body");
    if (!words.length || !root) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    var count = 0;
    nodes.forEach(function (text) {
      var folded = Array.prototype.map.call(text.data, foldChar).join("");
      var hits = [];
      words.forEach(function (word) {
        for (var at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
          hits.push([at, at + word.length]);
        }
      });
      hits.sort(function (a, b) { return b[0] - a[0]; });  // from the end: offsets stay right
      var stop = Infinity;
      hits.forEach(function (hit) {
        if (hit[1] > stop || count >= MOST) return;  // overlapping an already marked one
        var middle = text.splitText(hit[0]);
        middle.splitText(hit[1] - hit[0]);
        var element = document.createElement("mark");
        element.className = "search-hit";
        middle.parentNode.replaceChild(element, middle);
        element.appendChild(middle);
        stop = hit[0];
        count++;
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();
