/* "Snel weg": leave this website at once.
   The link works without this script: it is a plain link to another site. With the script,
   the page is blanked at once and replaced in the browser's history (location.replace), so
   the Back button does not bring it back. A click that asks for a new tab or window (Ctrl,
   Cmd, Shift, a middle click) is left to the browser.
   No keyboard shortcut (such as Escape pressed three times): screen reader users press Escape
   to leave a form field or a menu, and an exit they did not ask for would lose what they typed.
   The link is the first Tab stop instead. */
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  link.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    document.body.hidden = true;
    window.location.replace(link.href);
  });
})();
