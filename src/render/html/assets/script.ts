import type { Labels, Plural } from '../../../locale/labels.js';
import { html, joinHtml, SafeHtml } from '../escape.js';

/**
 * The page's only script, an enhancement: the page is complete without it (abstracts and BibTeX are
 * `<details>`, every paper is listed). It does two things.
 *
 * - The publications filter (`#pub-filter`, hidden in the file): words typed in the search box must all
 *   appear in a row's title, authors, venue or year (case and accents ignored); the year and type menus and
 *   "selected only" narrow further; year groups and lists left empty are hidden; the count says what is
 *   shown. The state is kept in the page's query string (`?q=…&year=…&type=…&selected=1`), so a filtered
 *   view can be shared, and read back on load. `/` focuses the search box, Escape in it clears it.
 * - Long author lists: the authors marked `author-more` are hidden (the first five and the owner stay), and
 *   the "and N more" button expands the list again (and collapses it).
 * - The copy buttons, shown where the Clipboard API is available ("copy": the BibTeX shown; "copy
 *   citation": the plain-text reference in `data-copy-text`).
 *
 * The words it writes are the page's: the count's forms (JSON, chosen by `Intl.PluralRules` for the page's
 * `lang`) in `data-count` / `data-shown` on the filter, "copied" / "copy failed" in `data-copied` /
 * `data-copy-failed` on `<body>`, "show fewer" from the button's own text. An attribute is written only where
 * the locale's words differ from the English defaults in the script (`scriptWordAttributes`), so the script is
 * one text for every language.
 *
 * Plain ES2017, no framework. Its SHA-256 goes into the page's Content-Security-Policy, so the text is
 * hashed as it is.
 */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var each = function (selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); };
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang) : null;
  var wordsOf = function (element, name, fallback) {
    var value = element.getAttribute(name);
    if (value === null) return fallback;
    try { return JSON.parse(value); } catch (e) { return fallback; }
  };
  var say = function (forms, values) {
    var form = (plurals && forms[plurals.select(values.n)]) || forms.other || '';
    return form.replace(/\\{(\\w+)\\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  };
  var fold = function (text) {
    return (text || '').normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
  };

  var panel = byId('pub-filter');
  if (panel) {
    var query = byId('pub-q');
    var year = byId('pub-year');
    var type = byId('pub-type');
    var selected = byId('pub-selected');
    var count = byId('pub-count');
    var countWords = wordsOf(panel, 'data-count', { one: '{n} publication', other: '{n} publications' });
    var shownWords = wordsOf(panel, 'data-shown', { other: '{shown} of {n} publications shown' });
    var rows = Array.prototype.slice.call(document.querySelectorAll('li.pub'));
    var texts = rows.map(function (row) {
      var parts = [row.getAttribute('data-year') || ''];
      Array.prototype.forEach.call(row.querySelectorAll('.pub-title, .pub-authors, .pub-venue'), function (el) {
        parts.push(el.textContent);
      });
      return fold(parts.join(' '));
    });
    var hasOption = function (select, value) {
      return !!select && Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    };
    var params = new URLSearchParams(location.search);
    query.value = params.get('q') || '';
    if (hasOption(year, params.get('year'))) year.value = params.get('year');
    if (type && hasOption(type, params.get('type'))) type.value = params.get('type');
    if (selected) selected.checked = params.get('selected') === '1';
    var apply = function () {
      var words = fold(query.value).split(/\\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (w) { return texts[i].indexOf(w) >= 0; }) &&
          (!year.value || row.getAttribute('data-year') === year.value) &&
          (!type || !type.value || row.getAttribute('data-type') === type.value) &&
          (!selected || !selected.checked || row.hasAttribute('data-selected'));
        row.hidden = !match;
        if (match) shown++;
      });
      each('.pub-group, .pub-list', function (group) {
        group.hidden = !group.querySelector('li.pub:not([hidden])');
      });
      count.textContent = shown === rows.length
        ? say(countWords, { n: rows.length })
        : say(shownWords, { n: rows.length, shown: shown });
      var state = new URLSearchParams(location.search);
      var keep = function (name, value) { if (value) state.set(name, value); else state.delete(name); };
      keep('q', query.value.trim());
      keep('year', year.value);
      keep('type', type ? type.value : '');
      keep('selected', selected && selected.checked ? '1' : '');
      var search = state.toString();
      try {
        history.replaceState(history.state, '', (search ? '?' + search : location.pathname) + location.hash);
      } catch (e) { /* file:// in some browsers: the filter works, the URL stays */ }
    };
    [query, year, type, selected].forEach(function (control) {
      if (control) control.addEventListener(control === query ? 'input' : 'change', apply);
    });
    query.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && query.value !== '') { query.value = ''; apply(); }
    });
    byId('pub-reset').addEventListener('click', function () {
      query.value = '';
      year.value = '';
      if (type) type.value = '';
      if (selected) selected.checked = false;
      apply();
      query.focus();
    });
    document.addEventListener('keydown', function (event) {
      var target = event.target;
      var typing = target && (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable);
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        query.focus();
      }
    });
    panel.hidden = false;
    if (query.value || year.value || (type && type.value) || (selected && selected.checked)) apply();
  }

  each('button.more-authors', function (button) {
    var list = button.parentNode;
    var more = button.getAttribute('data-more');
    var fewer = button.textContent;
    var set = function (expanded) {
      list.classList.toggle('authors-short', !expanded);
      button.setAttribute('aria-expanded', expanded ? 'true' : 'false');
      button.textContent = expanded ? fewer : more;
    };
    set(false);
    button.hidden = false;
    button.addEventListener('click', function () {
      set(button.getAttribute('aria-expanded') !== 'true');
    });
  });

  if (!navigator.clipboard || !window.isSecureContext) return;
  var copied = document.body.getAttribute('data-copied') || 'copied';
  var copyFailed = document.body.getAttribute('data-copy-failed') || 'copy failed';
  each('button[data-copy], button[data-copy-text]', function (button) {
    var label = button.textContent;
    var timer = 0;
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = button.getAttribute('data-copy-text');
      if (text === null) {
        var source = byId(button.getAttribute('data-copy') || '');
        if (!source) return;
        text = source.textContent || '';
      }
      var show = function (message) {
        button.textContent = message;
        clearTimeout(timer);
        timer = setTimeout(function () { button.textContent = label; }, 2000);
      };
      navigator.clipboard.writeText(text).then(
        function () { show(copied); },
        function () { show(copyFailed); }
      );
    });
  });
})();
`;

/** The English words `PAGE_SCRIPT` falls back on, as in the English label table. */
export const SCRIPT_DEFAULTS = {
  count: { one: '{n} publication', other: '{n} publications' },
  shown: { other: '{shown} of {n} publications shown' },
  copied: 'copied',
  copyFailed: 'copy failed',
} as const;

/**
 * The data attributes that give the script the words of `labels`, for the filter (`where: 'filter'`) or for
 * `<body>`: only those that differ from `SCRIPT_DEFAULTS`, so an English page carries none.
 */
export function scriptWordAttributes(labels: Labels, where: 'filter' | 'body'): SafeHtml {
  const attributes: [string, string][] =
    where === 'filter'
      ? [
          ['data-count', differs(labels.filter.count, SCRIPT_DEFAULTS.count)],
          ['data-shown', differs(labels.filter.shown, SCRIPT_DEFAULTS.shown)],
        ]
      : [
          ['data-copied', differs(labels.copied, SCRIPT_DEFAULTS.copied)],
          ['data-copy-failed', differs(labels.copyFailed, SCRIPT_DEFAULTS.copyFailed)],
        ];
  return joinHtml(
    attributes
      .filter(([, value]) => value !== '')
      .map(([name, value]) => html` ${SafeHtml.trust(name)}="${value}"`),
  );
}

/** `value` as the attribute says it (JSON for plural forms), or `''` when it is the script's default. */
function differs(value: Plural | string, fallback: Plural | string): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === (typeof fallback === 'string' ? fallback : JSON.stringify(fallback)) ? '' : text;
}
