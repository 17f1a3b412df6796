// Added by `sitegen preview` to the pages it serves (never to the files it writes): reloads the page when a
// rebuild succeeds, and shows a failed rebuild's error over the page until the next one succeeds.
(function () {
  "use strict";
  var events = new EventSource("/_sitegen/events");
  var overlay = null;

  events.addEventListener("reload", function () {
    location.reload();
  });

  // "error" is also the name of EventSource's own event for a lost connection; only ours carries data.
  events.addEventListener("error", function (event) {
    if (typeof event.data === "string") {
      show(event.data);
    }
  });

  function show(message) {
    if (!overlay) {
      overlay = document.createElement("pre");
      overlay.id = "sitegen-preview-error";
      overlay.setAttribute("role", "alert");
      var style = overlay.style;
      style.position = "fixed";
      style.left = style.right = style.bottom = "0";
      style.zIndex = "2147483647";
      style.margin = "0";
      style.padding = "1em";
      style.maxHeight = "50vh";
      style.overflow = "auto";
      style.whiteSpace = "pre-wrap";
      style.font = "14px/1.4 ui-monospace, monospace";
      style.background = "#fff0f0";
      style.color = "#800";
      style.borderTop = "3px solid #c00";
      document.body.appendChild(overlay);
    }
    // Text only: the message quotes the user's input.
    overlay.textContent = "sitegen preview: the last rebuild failed; the page shows the last good build.\n\n" + message;
  }
})();
