/**
 * Watch mode's in-place page update (src/watch/page-patch.ts): which elements an edit swaps, and every case
 * where the page must reload instead.
 */
import { describe, expect, it } from 'vitest';
import { pagePatch } from '../../src/watch/page-patch.js';

const page = (head: string, body: string) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">${head}</head>\n<body>\n${body}\n<script>run()</script>\n</body>\n</html>\n`;
const ld = (email: string) => `<script type="application/ld+json">{"email": "${email}"}</script>`;
const masthead = (email: string) =>
  `<header id="top"><h1>Ada</h1><ul><li><a href="mailto:${email}">${email}</a></li></ul></header>`;
const section = (id: string, items: readonly string[]) =>
  `<section id="${id}"><h2>${id}</h2><ul>${items.map((t, i) => `<li class="entry" id="${id}-${i}">${t}</li>`).join('')}</ul></section>`;
const main = (...sections: string[]) => `<main id="main">${sections.join('\n')}</main>`;

describe('pagePatch', () => {
  it('swaps the innermost element with an id that holds the change', () => {
    const before = page('', main(section('education', ['BSc', 'MSc']), section('honors', ['Prize'])));
    const after = page('', main(section('education', ['BSc', 'MSc (2012)']), section('honors', ['Prize'])));
    expect(pagePatch(before, after)).toEqual({
      elements: [{ id: 'education-1', html: '<li class="entry" id="education-1">MSc (2012)</li>' }],
    });
  });

  it('swaps each changed element when an edit touches several, and sends the structured data as text', () => {
    const before = page(ld('a@x.org'), `${masthead('a@x.org')}\n${main(section('news', ['one']))}`);
    const after = page(ld('b@x.org'), `${masthead('b@x.org')}\n${main(section('news', ['two']))}`);
    expect(pagePatch(before, after)).toEqual({
      elements: [
        { id: 'top', html: masthead('b@x.org') },
        { id: 'news-0', html: '<li class="entry" id="news-0">two</li>' },
      ],
      structuredData: ['{"email": "b@x.org"}'],
    });
  });

  it('swaps the section when entries are added or removed; entries with new ids when reordered', () => {
    const before = page('', main(section('talks', ['A', 'B'])));
    for (const items of [['A', 'B', 'C'], ['A']]) {
      const after = page('', main(section('talks', items)));
      expect(pagePatch(before, after)?.elements.map((e) => e.id)).toEqual(['talks']);
    }
    // Positional ids: the same ids in the same order, each with the other's text.
    const swapped = pagePatch(before, page('', main(section('talks', ['B', 'A']))));
    expect(swapped?.elements.map((e) => e.id)).toEqual(['talks-0', 'talks-1']);
    const keyed = (order: string[]) =>
      page('', main(`<ul id="l">${order.map((k) => `<li id="${k}">${k}</li>`).join('')}</ul>`));
    expect(pagePatch(keyed(['a', 'b']), keyed(['b', 'a']))?.elements.map((e) => e.id)).toEqual(['l']);
  });

  it('swaps the parent when only the text around an id’d child changes', () => {
    const before = page('', main(section('talks', ['A'])));
    const after = page('', main(section('talks', ['A']).replace('<h2>talks</h2>', '<h2>Talks</h2>')));
    expect(pagePatch(before, after)?.elements.map((e) => e.id)).toEqual(['talks']);
  });

  it('is empty when nothing changed', () => {
    const same = page('', main(section('a', ['x'])));
    expect(pagePatch(same, same)).toEqual({ elements: [] });
  });

  it('reloads when <head> changes beyond the structured data (title, style, policy)', () => {
    const body = main(section('a', ['x']));
    expect(pagePatch(page('<title>A</title>', body), page('<title>B</title>', body))).toBeUndefined();
    expect(pagePatch(page('<style>p{}</style>', body), page('<style>a{}</style>', body))).toBeUndefined();
  });

  it('reloads when the change is outside every element with an id', () => {
    const before = page('', `<p>intro</p>${main(section('a', ['x']))}`);
    const after = page('', `<p>intro!</p>${main(section('a', ['x']))}`);
    expect(pagePatch(before, after)).toBeUndefined();
    // <html lang> is outside <head> and <body>.
    expect(pagePatch(before, before.replace('lang="en"', 'lang="de"'))).toBeUndefined();
  });

  it('reloads when the page script changes, or a changed element holds a script or style', () => {
    const body = main(section('a', ['x']));
    expect(pagePatch(page('', body), page('', body).replace('run()', 'run(2)'))).toBeUndefined();
    const withStyle = (color: string) =>
      page('', main(`<section id="s"><style>p{color:${color}}</style><p>t</p></section>`));
    expect(pagePatch(withStyle('red'), withStyle('blue'))).toBeUndefined();
  });

  it('reloads when the changed element’s id is not unique', () => {
    const twice = (t: string) => page('', main(`<p id="dup">${t}</p><p id="dup">same</p>`));
    expect(pagePatch(twice('one'), twice('two'))).toBeUndefined();
  });

  it('never swaps an element closed only implicitly (its end is not where the text says)', () => {
    const before = page('', main('<section id="s"><p id="p">one<div>block</div></section>'));
    const after = page('', main('<section id="s"><p id="p">two<div>block</div></section>'));
    expect(pagePatch(before, after)?.elements.map((e) => e.id)).toEqual(['s']);
  });

  it('finds elements by the decoded id, as getElementById does', () => {
    const before = page('', main('<p id="a&amp;b">one</p>'));
    const after = page('', main('<p id="a&amp;b">two</p>'));
    expect(pagePatch(before, after)?.elements).toEqual([{ id: 'a&b', html: '<p id="a&amp;b">two</p>' }]);
  });
});
