/* The colour-scheme toggle. The site follows the system's scheme (prefers-color-scheme) until the reader
   picks the other one with the header's button; that choice is kept in localStorage and applied here, in
   <head>, before the page is drawn, so a page never flashes in the wrong colours. A choice equal to the
   system's is forgotten, so the site follows the system again. No request leaves the page. */
(function () {
  "use strict";
  var key = "sitegen-color-scheme";
  var root = document.documentElement;
  var system = window.matchMedia("(prefers-color-scheme: dark)");

  // localStorage can be missing or refuse (privacy modes, some browsers on file://): then the choice
  // lasts for the page only.
  function stored() {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function store(scheme) {
    try {
      if (scheme) {
        window.localStorage.setItem(key, scheme);
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (e) {
      // nothing to do: see stored()
    }
  }

  function apply(scheme) {
    if (scheme === "light" || scheme === "dark") {
      root.setAttribute("data-theme", scheme);
    } else {
      root.removeAttribute("data-theme");
    }
  }

  function systemScheme() {
    return system.matches ? "dark" : "light";
  }

  function current() {
    return root.getAttribute("data-theme") || systemScheme();
  }

  function show(button) {
    var dark = current() === "dark";
    button.setAttribute("aria-pressed", dark ? "true" : "false");
    button.title = dark ? "Use the light colour scheme" : "Use the dark colour scheme";
  }

  apply(stored());

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-scheme-toggle]");
    if (!button) {
      return;
    }
    button.hidden = false;
    show(button);
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      var choice = next === systemScheme() ? null : next;
      store(choice);
      apply(choice);
      show(button);
    });
    system.addEventListener("change", function () {
      show(button);
    });
  });
})();
