// The Preview section of an app's extensions: an action's response, swapped in by htmx, is shown
// in the response dialog. No inline scripts (CSP); without JavaScript the action form posts a page.
(function () {
  "use strict";

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target || target.id !== "action-dialog-body") {
      return;
    }
    var dialog = document.getElementById("action-dialog");
    if (dialog && typeof dialog.showModal === "function" && !dialog.open) {
      dialog.showModal();
    }
  });

  // An error answer (4xx/5xx) is still the response the developer wants to see in the dialog.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.id === "action-dialog-body" && event.detail.xhr.status >= 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
