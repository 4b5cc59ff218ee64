// Portico console behaviour: no inline scripts (CSP), everything works without it where it can.
(function () {
  "use strict";

  // Confirmations: a form with data-confirm asks before it is sent; the text names what will be lost.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // Copy buttons: <button data-copy="text">.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
      var before = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = before; }, 1500);
    });
  });

  // Relative times: <time class="relative" datetime="...">; the exact time stays in the title.
  function relative(root) {
    var now = Date.now();
    (root || document).querySelectorAll("time.relative[datetime]").forEach(function (el) {
      var then = Date.parse(el.getAttribute("datetime"));
      if (isNaN(then)) { return; }
      var s = Math.round((now - then) / 1000), text;
      if (s < 60) { text = "just now"; }
      else if (s < 3600) { text = Math.floor(s / 60) + " min ago"; }
      else if (s < 86400) { text = Math.floor(s / 3600) + " h ago"; }
      else if (s < 86400 * 30) { text = Math.floor(s / 86400) + " days ago"; }
      else { return; }
      el.textContent = text;
    });
  }
  document.addEventListener("DOMContentLoaded", function () { relative(document); });
  document.addEventListener("htmx:afterSwap", function (e) { relative(e.target); });
})();
