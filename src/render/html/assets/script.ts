/**
 * The page's only script, an enhancement: the page is complete without it (abstracts and BibTeX are
 * `<details>`). It shows the copy buttons where the Clipboard API is available ("copy": the BibTeX shown;
 * "copy citation": the plain-text reference in `data-copy-text`). Plain ES2017, no framework. Its SHA-256
 * goes into the page's Content-Security-Policy, so the text is hashed as it is.
 */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll('button[data-copy], button[data-copy-text]').forEach(function (button) {
    var label = button.textContent;
    var timer = 0;
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = button.getAttribute('data-copy-text');
      if (text === null) {
        var source = document.getElementById(button.getAttribute('data-copy') || '');
        if (!source) return;
        text = source.textContent || '';
      }
      var show = function (message) {
        button.textContent = message;
        clearTimeout(timer);
        timer = setTimeout(function () { button.textContent = label; }, 2000);
      };
      navigator.clipboard.writeText(text).then(
        function () { show('copied'); },
        function () { show('copy failed'); }
      );
    });
  });
})();
`;
