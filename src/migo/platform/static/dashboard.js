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

// A copy button copies the value of the field it names (data-copy="field id"), and says so.
document.addEventListener("click", async (event) => {
  const button = event.target.closest && event.target.closest("button[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.getAttribute("data-copy"));
  await navigator.clipboard.writeText(field.value);
  button.textContent = "Copied";
});

// A form sent once: its submit button is disabled until the answer comes (no second link by a double click).
document.addEventListener("submit", (event) => {
  if (event.defaultPrevented || event.target.method !== "post") return;
  for (const button of event.target.querySelectorAll("button[type=submit]")) button.disabled = true;
});

// On a phone the pages sit behind the Menu button.
document.addEventListener("click", (event) => {
  const toggle = event.target.closest && event.target.closest("button.menu-toggle");
  if (!toggle) return;
  const nav = document.getElementById(toggle.getAttribute("aria-controls"));
  const open = !nav.classList.contains("open");
  nav.classList.toggle("open", open);
  toggle.setAttribute("aria-expanded", String(open));
});

document.addEventListener("DOMContentLoaded", () => localTimes(document));
document.addEventListener("htmx:afterSwap", (event) => localTimes(event.target));
