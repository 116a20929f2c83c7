// The dashboard's few behaviours, from this file only (the pages' Content-Security-Policy forbids inline scripts).
"use strict";

// Instants are sent as UTC; shown in the viewer's time zone, with UTC on hover.
function localTimes(root) {
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  for (const element of root.querySelectorAll("time[datetime]")) {
    const at = new Date(element.getAttribute("datetime"));
    if (!Number.isNaN(at.getTime())) element.textContent = format.format(at);
  }
}

// A form with data-confirm asks first (a refund, a block).
document.addEventListener("submit", (event) => {
  const question = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) event.preventDefault();
});

document.addEventListener("DOMContentLoaded", () => localTimes(document));
document.addEventListener("htmx:afterSwap", (event) => localTimes(event.target));
