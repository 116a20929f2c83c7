// The hosted checkout's progressive enhancement: inline validation (Luhn, expiry in the future, CVV), the
// number grouped as typed, the card's brand, the installments the card's processor offers, a Pay button that cannot be pressed twice, and the automatic
// return to the merchant. Everything also works without it: the server checks the same rules. Its messages come
// translated from the page (the data- attributes of #card-messages), English when a page has none.
(function () {
  "use strict";

  var messages = document.getElementById("card-messages");
  function text(name, english) {
    return (messages && messages.getAttribute("data-" + name)) || english;
  }
  function installmentsText(count) {
    return count === 1 ? text("pay-in-full", "Pay in full") : text("installments", "{count} installments").replace("{count}", count);
  }

  function digits(value) { return value.replace(/[\s-]/g, ""); }

  function luhnValid(number) {
    if (!/^[0-9]{12,19}$/.test(number)) { return false; }
    var sum = 0;
    for (var i = 0; i < number.length; i++) {
      var d = parseInt(number.charAt(number.length - 1 - i), 10);
      if (i % 2 === 1) { d = d * 2; if (d > 9) { d -= 9; } }
      sum += d;
    }
    return sum % 10 === 0;
  }

  function expiryProblem(value) {
    var match = /^\s*(0?[1-9]|1[0-2])\s*\/\s*([0-9]{2}|[0-9]{4})\s*$/.exec(value);
    if (!match) { return text("expiry-format", "Use MM/YY."); }
    var month = parseInt(match[1], 10), year = parseInt(match[2], 10);
    if (year < 100) { year += 2000; }
    var now = new Date();
    if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) {
      return text("expired", "The card has expired.");
    }
    return "";
  }

  // The number grouped as it is typed (4-4-4-4, or 4-6-5 for American Express), the caret kept after the
  // same digit; a deletion is left as the customer made it.
  function groupDigits(input, event) {
    if (event && event.inputType && event.inputType.indexOf("insert") !== 0) { return; }
    var raw = digits(input.value).replace(/[^0-9]/g, "").slice(0, 19);
    var before = digits(input.value.slice(0, input.selectionStart || 0)).replace(/[^0-9]/g, "").length;
    var sizes = /^3[47]/.test(raw) ? [4, 6, 5] : [4, 4, 4, 4, 3];
    var groups = [], at = 0;
    for (var i = 0; i < sizes.length && at < raw.length; i++) { groups.push(raw.slice(at, at + sizes[i])); at += sizes[i]; }
    var grouped = groups.join(" ");
    if (grouped === input.value) { return; }
    input.value = grouped;
    var caret = 0, seen = 0;
    while (caret < grouped.length && seen < before) { if (grouped.charAt(caret) !== " ") { seen++; } caret++; }
    input.setSelectionRange(caret, caret);
  }

  function show(input, message) {
    var slot = document.getElementById(input.id + "-error");
    if (slot) { slot.textContent = message; }
    input.setAttribute("aria-invalid", message ? "true" : "false");
    return !message;
  }

  var form = document.getElementById("pay-form");
  if (form) {
    var number = document.getElementById("cardNumber");
    var expiry = document.getElementById("expiry");
    var cvv = document.getElementById("cvv");
    var field = document.getElementById("installments-field");
    var select = document.getElementById("installments");
    var button = document.getElementById("pay-button");
    var lastBin = "";
    var REFUSED = text("refused", "This merchant does not accept this card.");

    var checks = {
      cardNumber: function () { return show(number, luhnValid(digits(number.value)) ? "" : text("invalid-number", "Enter a valid card number.")); },
      expiry: function () { return show(expiry, expiryProblem(expiry.value)); },
      cvv: function () {
        var amex = /^3[47]/.test(digits(number.value));
        var ok = new RegExp(amex ? "^[0-9]{4}$" : "^[0-9]{3}$").test(cvv.value);
        return show(cvv, ok ? "" : (amex ? text("cvv-4", "4 digits.") : text("cvv-3", "3 digits.")));
      }
    };
    [number, expiry, cvv].forEach(function (input) {
      input.addEventListener("blur", function () { if (input.value) { checks[input.id](); } });
    });

    expiry.addEventListener("input", function (event) {
      // Only while typing forward: on a deletion the slash must be allowed to go.
      if (event.inputType && event.inputType.indexOf("insert") !== 0) { return; }
      if (/^[0-9]{2}$/.test(expiry.value)) { expiry.value = expiry.value + "/"; }
    });

    var brandSlot = document.getElementById("card-brand");
    // The installments choice appears once the card being typed allows it (the server still offers it
    // without this script).
    if (field && select) { field.hidden = true; }

    number.addEventListener("input", function (event) {
      groupDigits(number, event);
      var bin = digits(number.value).slice(0, 6);
      if (bin.length < 6) {
        lastBin = "";
        if (brandSlot) { brandSlot.textContent = ""; }
        if (field && select) { field.hidden = true; }
        return;
      }
      if (bin === lastBin) { return; }
      lastBin = bin;
      fetch(form.getAttribute("data-options-url") + "?bin=" + bin, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (options) {
          if (!options || bin !== lastBin) { return; }
          if (brandSlot) { brandSlot.textContent = options.brand && options.brand !== "unknown" ? options.brand : ""; }
          // Only the lookup's own message is replaced: a late answer must not clear the Luhn check's error.
          var slot = document.getElementById("cardNumber-error");
          if (!options.accepted) { show(number, REFUSED); } else if (slot.textContent === REFUSED) { show(number, ""); }
          if (!select) { return; }  // a form without installments (a subscription's)
          select.innerHTML = "";
          options.installments.forEach(function (count) {
            var option = document.createElement("option");
            option.value = String(count);
            option.textContent = installmentsText(count);
            select.appendChild(option);
          });
          field.hidden = options.installments.length < 2;
        })
        .catch(function () { /* the server still checks the installments */ });
    });

    form.addEventListener("submit", function (event) {
      if (button.disabled) { event.preventDefault(); return; }
      var ok = [checks.cardNumber(), checks.expiry(), checks.cvv()].every(Boolean);
      if (!ok) { event.preventDefault(); return; }
      button.disabled = true;
      button.textContent = button.getAttribute("data-busy-text") || "Paying…";
    });
  }

  var verify = document.getElementById("verify-form");
  if (verify) {
    verify.addEventListener("submit", function () {
      var submit = verify.querySelector("button");
      // Disabled after the submission starts, so the form still sends.
      setTimeout(function () { submit.disabled = true; }, 0);
    });
  }

  var back = document.querySelector("[data-auto-return]");
  if (back) {
    var seconds = parseInt(back.getAttribute("data-auto-return"), 10) || 5;
    setTimeout(function () { window.location.assign(back.getAttribute("href")); }, seconds * 1000);
  }
})();
