import type { Labels, Plural } from '../../../locale/labels.js';
import { html, joinHtml, SafeHtml } from '../escape.js';

/**
 * The page's only script, an enhancement: the page is complete without it (abstracts and BibTeX are
 * `<details>`, every paper is listed). It does these things.
 *
 * - The page search (`#page-search`, hidden in the file): the words typed in its box must all appear in an
 *   entry of the page (a paper's title, authors, venue or year; any other entry's, skill's or course's text;
 *   the about text), case and accents ignored. Entries without them are hidden, then group headings, year
 *   groups and year links left empty, then whole sections and their lines in the navigation; the count says how many entries
 *   are shown in how many sections, or that nothing matches. `/` focuses the box, Escape in it clears it.
 * - The publications' menus (`#pub-filter`, hidden in the file): year, type and "selected only" narrow the
 *   papers only, with their own count. The state of both is kept in the page's query string
 *   (`?q=…&year=…&type=…&selected=1`), so a view can be shared, and read back on load.
 * - One Tab stop per co-author: a link to a co-author's page that an earlier shown link already offers gets
 *   `tabindex="-1"` (still a link, for a pointer and in screen readers' lists of links), recomputed as the
 *   search and the author lists change what is shown (docs/website.md, "Keyboard").
 * - Long author lists: the authors marked `author-more` are hidden (the first five and the owner stay), and
 *   the "and N more" button expands the list again (and collapses it).
 * - The copy buttons, shown where the Clipboard API is available ("copy": the BibTeX shown; "copy
 *   citation": the plain-text reference in `data-copy-text`).
 * - `vita watch` swaps the elements an edit changed and then sends `vita:updated` (src/watch/page-patch.ts):
 *   the script finds its elements again, gives new controls and buttons their listeners (each element once),
 *   keeps the words and menus the reader had set, and applies them to the new entries.
 *
 * The words it writes are the page's: the counts' forms (JSON, chosen by `Intl.PluralRules` for the page's
 * `lang`) in `data-count` / `data-shown` on the filter and `data-shown` / `data-sections` on the search, the
 * "nothing matches" sentence in `data-none` there, "copied" / "copy failed" in `data-copied` /
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

  // What the page search looks at, one unit each: a paper, an entry of any other list, a skill, a course, and
  // the about text. Papers by title, authors, venue and year; the others by all their text.
  var UNITS = ['li.pub', 'li.entry', '.skills > div', '.inline-list > li', '.about'];
  var bar, query, status, reset, panel, year, type, selected, pubCount, sections, units, isPub, texts, pubTotal;
  var countWords, pubShownWords, shownWords, sectionWords, noneWords;
  // The elements the script works with, found again after vita watch swapped part of the page.
  var collect = function () {
    bar = byId('page-search');
    query = byId('page-q');
    status = byId('page-count');
    reset = byId('page-reset');
    panel = byId('pub-filter');
    year = byId('pub-year');
    type = byId('pub-type');
    selected = byId('pub-selected');
    pubCount = byId('pub-count');
    sections = Array.prototype.slice.call(document.querySelectorAll('main > section'));
    units = Array.prototype.slice.call(document.querySelectorAll(UNITS.map(function (u) {
      return 'main ' + u;
    }).join(', ')));
    isPub = units.map(function (unit) { return unit.matches('li.pub'); });
    texts = null;
    pubTotal = isPub.filter(Boolean).length;
    countWords = panel ? wordsOf(panel, 'data-count', { one: '{n} publication', other: '{n} publications' }) : {};
    pubShownWords = panel ? wordsOf(panel, 'data-shown', { other: '{shown} of {n} publications shown' }) : {};
    shownWords = bar
      ? wordsOf(bar, 'data-shown', { one: '{shown} of {n} entry shown', other: '{shown} of {n} entries shown' })
      : {};
    sectionWords = bar ? wordsOf(bar, 'data-sections', { one: 'in {n} section', other: 'in {n} sections' }) : {};
    noneWords = (bar && bar.getAttribute('data-none')) || 'Nothing on this page matches \\u201c{query}\\u201d.';
  };
  // What each unit is searched by, folded: read at the first search, not when the page opens.
  var textsOf = function () {
    if (!texts) {
      texts = units.map(function (unit, i) {
        if (!isPub[i]) return fold(unit.textContent);
        var parts = [unit.getAttribute('data-year') || ''];
        Array.prototype.forEach.call(unit.querySelectorAll('.pub-title, .pub-authors, .pub-venue'), function (el) {
          parts.push(el.textContent);
        });
        return fold(parts.join(' '));
      });
    }
    return texts;
  };
  var hasOption = function (select, value) {
    return !!select && Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  };
  var facetsOn = function () {
    return !!((year && year.value) || (type && type.value) || (selected && selected.checked));
  };
  // Sets the search and the menus (those that are on the page) to a view: from the address, or kept over a swap.
  var restore = function (view) {
    if (query) query.value = view.q || '';
    if (hasOption(year, view.year)) year.value = view.year;
    if (hasOption(type, view.type)) type.value = view.type;
    if (selected) selected.checked = !!view.selected;
  };

  // One Tab stop per co-author: the first link to a co-author's page that is shown stays in the Tab order; the
  // same link further down stays a link (for a pointer, and in a screen reader's list of links) but no stop.
  var retab = function () {
    var seen = {};
    each('.pub-authors a[href]', function (link) {
      var href = link.getAttribute('href');
      var shown = link.getClientRects().length > 0;
      if (shown && seen[href]) {
        link.setAttribute('tabindex', '-1');
      } else {
        link.removeAttribute('tabindex');
        if (shown) seen[href] = true;
      }
    });
  };

  var apply = function () {
    var typed = query ? query.value.trim() : '';
    var words = fold(typed).split(/\\s+/).filter(Boolean);
    var shown = 0;
    var pubsShown = 0;
    var found = [];
    var folded = words.length > 0 ? textsOf() : null;
    units.forEach(function (unit, i) {
      var wanted = !folded || words.every(function (w) { return folded[i].indexOf(w) >= 0; });
      var show = wanted && (!isPub[i] || (
        (!year || !year.value || unit.getAttribute('data-year') === year.value) &&
        (!type || !type.value || unit.getAttribute('data-type') === type.value) &&
        (!selected || !selected.checked || unit.hasAttribute('data-selected'))));
      unit.hidden = !show;
      if (show) shown++;
      if (show && isPub[i]) pubsShown++;
      if (wanted) found.push(unit);
    });
    each('.pub-group, .pub-list', function (group) {
      group.hidden = !group.querySelector('li.pub:not([hidden])');
    });
    // The links to the year headings: only those whose year is still shown.
    each('.pub-years a[href^="#"]', function (link) {
      var target = byId(link.getAttribute('href').slice(1));
      link.parentNode.hidden = !!target && !!target.closest('[hidden]');
    });
    each('.pub-years', function (nav) { nav.hidden = !nav.querySelector('li:not([hidden])'); });
    each('main .group-heading', function (heading) {
      var list = heading.nextElementSibling;
      heading.hidden = !!list && list.children.length > 0 &&
        !Array.prototype.some.call(list.children, function (item) { return !item.hidden; });
    });
    // While searching, a section where none of the entries has the words is hidden, and so is its line in the
    // navigation; the publications' menus alone never hide their section (it holds them).
    var sectionsShown = 0;
    sections.forEach(function (section) {
      var keep = words.length === 0 || found.some(function (unit) { return section.contains(unit); });
      section.hidden = !keep;
      if (keep) sectionsShown++;
      each('nav.toc a[href="#' + section.id + '"]', function (link) { link.parentNode.hidden = !keep; });
    });
    each('nav.toc', function (nav) { nav.hidden = !nav.querySelector('li:not([hidden])'); });
    if (pubCount) {
      pubCount.textContent = pubsShown === pubTotal
        ? say(countWords, { n: pubTotal })
        : say(pubShownWords, { n: pubTotal, shown: pubsShown });
    }
    if (status) {
      status.textContent = !typed && !facetsOn() ? ''
        : shown === 0 && typed ? noneWords.replace('{query}', typed)
        : say(shownWords, { n: units.length, shown: shown }) + ' ' + say(sectionWords, { n: sectionsShown });
    }
    if (reset) reset.hidden = !typed;
    retab();
    var state = new URLSearchParams(location.search);
    var keep = function (name, value) { if (value) state.set(name, value); else state.delete(name); };
    keep('q', typed);
    keep('year', year ? year.value : '');
    keep('type', type ? type.value : '');
    keep('selected', selected && selected.checked ? '1' : '');
    var search = state.toString();
    try {
      history.replaceState(history.state, '', (search ? '?' + search : location.pathname) + location.hash);
    } catch (e) { /* file:// in some browsers: the search works, the URL stays */ }
  };

  // Two live counts: the papers' is announced when the menus change it, the page's when the words do, so a
  // screen reader says one count, not both, for each change.
  var announcePapers = function (yes) {
    if (pubCount) pubCount.setAttribute('aria-live', yes ? 'polite' : 'off');
  };
  var fromMenus = function () { announcePapers(true); apply(); };
  var fromWords = function () { announcePapers(false); apply(); };
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target && (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable);
    if (event.key === '/' && query && bar && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      query.focus();
    }
  });

  var canCopy = !!navigator.clipboard && window.isSecureContext;
  var copied = document.body.getAttribute('data-copied') || 'copied';
  var copyFailed = document.body.getAttribute('data-copy-failed') || 'copy failed';
  // True the first time an element is seen: each control gets its listeners once, also after a swap.
  var first = function (element) {
    if (!element || element.vitaReady) return false;
    element.vitaReady = true;
    return true;
  };
  var enhance = function () {
    [year, type, selected].forEach(function (control) {
      if (first(control)) control.addEventListener('change', fromMenus);
    });
    if (panel) {
      var pubReset = byId('pub-reset');
      if (first(pubReset)) {
        pubReset.addEventListener('click', function () {
          if (year) year.value = '';
          if (type) type.value = '';
          if (selected) selected.checked = false;
          fromMenus();
        });
      }
      panel.hidden = false;
    }
    if (bar && query && reset) {
      if (first(query)) {
        query.addEventListener('input', fromWords);
        query.addEventListener('keydown', function (event) {
          if (event.key === 'Escape' && query.value !== '') { query.value = ''; fromWords(); }
        });
      }
      if (first(reset)) {
        reset.addEventListener('click', function () {
          query.value = '';
          fromWords();
          query.focus();
        });
      }
      reset.hidden = !query.value;
      bar.hidden = false;
    }
    each('button.more-authors', function (button) {
      if (!first(button)) return;
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
        retab();
      });
    });
    if (!canCopy) return;
    each('button[data-copy], button[data-copy-text]', function (button) {
      if (!first(button)) return;
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
  };
  // The view named by the search and menus: applied when there is one, else only the co-authors' Tab stops.
  var show = function () {
    if ((query && query.value) || facetsOn()) apply();
    else retab();
  };

  collect();
  var params = new URLSearchParams(location.search);
  restore({ q: params.get('q'), year: params.get('year'), type: params.get('type'), selected: params.get('selected') === '1' });
  enhance();
  show();

  // \`vita watch\` swapped the elements an edit changed (src/watch/page-patch.ts): new elements get their listeners,
  // the search and menus keep what the reader had set, and the view is applied to the new entries. With no
  // view set, only the co-authors' Tab stops are recomputed, after the swap is painted (it lays out the page).
  document.addEventListener('vita:updated', function () {
    var view = {
      q: query ? query.value : '',
      year: year ? year.value : '',
      type: type ? type.value : '',
      selected: !!(selected && selected.checked)
    };
    collect();
    restore(view);
    enhance();
    if ((query && query.value) || facetsOn()) apply();
    else setTimeout(retab, 0);
  });
})();
`;

/** The English words `PAGE_SCRIPT` falls back on, as in the English label table. */
export const SCRIPT_DEFAULTS = {
  count: { one: '{n} publication', other: '{n} publications' },
  shown: { other: '{shown} of {n} publications shown' },
  searchShown: { one: '{shown} of {n} entry shown', other: '{shown} of {n} entries shown' },
  searchSections: { one: 'in {n} section', other: 'in {n} sections' },
  searchNone: 'Nothing on this page matches \u201c{query}\u201d.',
  copied: 'copied',
  copyFailed: 'copy failed',
} as const;

/**
 * The data attributes that give the script the words of `labels`, for the publications filter
 * (`where: 'filter'`), the page search (`'search'`) or `<body>`: only those that differ from `SCRIPT_DEFAULTS`,
 * so an English page carries none.
 */
export function scriptWordAttributes(labels: Labels, where: 'filter' | 'search' | 'body'): SafeHtml {
  const attributes: [string, string][] =
    where === 'filter'
      ? [
          ['data-count', differs(labels.filter.count, SCRIPT_DEFAULTS.count)],
          ['data-shown', differs(labels.filter.shown, SCRIPT_DEFAULTS.shown)],
        ]
      : where === 'search'
        ? [
            ['data-shown', differs(labels.search.shown, SCRIPT_DEFAULTS.searchShown)],
            ['data-sections', differs(labels.search.sections, SCRIPT_DEFAULTS.searchSections)],
            ['data-none', differs(labels.search.none, SCRIPT_DEFAULTS.searchNone)],
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
