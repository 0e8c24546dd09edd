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
