/**
 * The page's only script: abstract toggles (buttons with `aria-expanded` / `aria-controls`) and the
 * "copy BibTeX" buttons, which stay hidden where the Clipboard API is not available. Plain ES2017, no
 * framework. Its SHA-256 goes into the page's Content-Security-Policy, so the text is hashed as it is.
 */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  document.querySelectorAll('button[aria-controls][aria-expanded]').forEach(function (button) {
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('aria-controls') || '');
      if (!target) return;
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      target.hidden = !open;
    });
  });
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var label = button.textContent;
    var timer = 0;
    button.hidden = false;
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy') || '');
      if (!source) return;
      var show = function (text) {
        button.textContent = text;
        clearTimeout(timer);
        timer = setTimeout(function () { button.textContent = label; }, 2000);
      };
      navigator.clipboard.writeText(source.textContent || '').then(
        function () { show('copied'); },
        function () { show('copy failed'); }
      );
    });
  });
})();
`;
