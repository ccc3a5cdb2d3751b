/* Progressive enhancement for the request forms; every form works without it.
   - The error summary takes focus, so screen readers announce it first (GOV.UK pattern).
   - A link in the summary moves focus to the input and shows its label or legend.
   - The confirmation's print button appears (it needs JavaScript to work). */
(function () {
  "use strict";

  function labelFor(input) {
    var fieldset = input.closest("fieldset.form-fieldset");
    if (fieldset) {
      var legend = fieldset.querySelector("legend");
      if (legend) return legend;
    }
    return document.querySelector('label[for="' + input.id + '"]');
  }

  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) return;
      var input = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!input) return;
      event.preventDefault();
      (labelFor(input) || input).scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  var printActions = document.querySelectorAll("[data-print-action]");
  Array.prototype.forEach.call(printActions, function (action) {
    action.hidden = false;
    action.querySelector("button").addEventListener("click", function () {
      window.print();
    });
  });
})();
