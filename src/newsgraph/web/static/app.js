// Marks the sentence of the event named in the address (#event-ID) on the article page, and
// scrolls to it: the article text is cut into pieces at every highlight, so the sentence may be
// several elements, each listing its events in data-events.
(function () {
  function focusEvent() {
    document.querySelectorAll(".clean-text .focus").forEach(function (el) { el.classList.remove("focus"); });
    var match = /^#event-(.+)$/.exec(window.location.hash);
    if (!match) return;
    var id = decodeURIComponent(match[1]);
    var first = null;
    document.querySelectorAll(".clean-text [data-events]").forEach(function (el) {
      if (el.getAttribute("data-events").split(" ").indexOf(id) >= 0) {
        el.classList.add("focus");
        if (!first) first = el;
      }
    });
    if (first) first.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", focusEvent);
  document.addEventListener("DOMContentLoaded", focusEvent);
})();
