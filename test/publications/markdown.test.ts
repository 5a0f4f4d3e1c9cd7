import { describe, expect, it } from 'vitest';
import type { PublicationsSection } from '../../src/model/cv.js';
import { publicationRowHtml, renderPublicationsMarkdown } from '../../src/render/markdown/publications.js';
import { entry, resolveBib } from './helpers.js';

const row = (section: PublicationsSection) => {
  const p = section.lists[0]?.groups[0]?.publications[0];
  if (!p) throw new Error('no publication');
  return publicationRowHtml(p, section);
};

describe('publication rows', () => {
  it('writes the row of the original: title link, authors, venue line, [N], links, hidden abstract', () => {
    const { section } = resolveBib(
      entry('k2020', {
        url: 'https://arxiv.org/abs/1',
        author: 'Brandon Amos and Jane Doe',
        _note: 'Oral',
        codeurl: 'https://github.com/x/y',
        abstract: 'Line one\n  line two.',
        selected: 'true',
      }),
      { name: 'Amos' },
    );
    expect(row(section)).toBe(
      `<tr id="tr-k2020" style="background-color: #ffffd0">
<td>
    <em><a href='https://arxiv.org/abs/1' target='_blank'>Title of k2020</a> </em><br>
    <strong>Brandon Amos</strong> and Jane Doe<br>
    ICML 2020 (Oral) <br>
    [1]
[<a href='javascript:;'
    onclick='$("#abs_k2020").toggle()'>abs</a>] [<a href='https://github.com/x/y' target='_blank'>code</a>] <br>

<div id="abs_k2020" style="text-align: justify; display: none" markdown="1">
Line one
line two.
</div>

</td>
</tr>
`,
    );
  });

  it('a row without url, abstract, links or selection', () => {
    const { section } = resolveBib(entry('plain'));
    expect(row(section)).toBe(
      '<tr id="tr-plain">\n<td>\n    <em>Title of plain</em><br>\n    Brandon Amos<br>\n    ICML 2020  <br>\n    [1] <br>\n\n</td>\n</tr>\n',
    );
  });

  it('links without an abstract follow [N] on the same line', () => {
    const { section } = resolveBib(
      entry('k', { codeurl: 'https://c', slidesurl: 'https://s', talkurl: 'https://t' }),
    );
    expect(row(section)).toContain(
      "    [1] [<a href='https://c' target='_blank'>code</a>]  [<a href='https://s' target='_blank'>slides</a>]  [<a href='https://t' target='_blank'>talk</a>] <br>\n",
    );
  });

  it('marks are superscripts; co-authors are linked', () => {
    const { section } = resolveBib(entry('k', { author: 'Amos*, Brandon and Denis Yarats$^\\dagger$' }), {
      name: 'Amos',
      author_urls: { Yarats: 'https://dy.org/?a=1&b=2' },
    });
    expect(row(section)).toContain(
      "    <strong>Brandon Amos<sup>*</sup></strong> and <a href='https://dy.org/?a=1&amp;b=2' target='_blank'>Denis Yarats</a><sup>†</sup><br>\n",
    );
  });

  it('with an image: the two-column layout of the original; no image, no tag', () => {
    const { section } = resolveBib(
      entry('pic', { url: 'https://p' }) + entry('nopic'),
      { include_image: true },
      {
        files: { 'images/publications/pic.png': '' },
      },
    );
    const [withImage, without] = section.lists[0]?.groups[0]?.publications ?? [];
    if (!withImage || !without) throw new Error('missing');
    const html = publicationRowHtml(withImage, section);
    expect(html).toContain('<div class="col-sm-10">\n    <em>');
    expect(html).toContain(
      `<div class="col-sm-2"><a href='https://p' target='_blank'><img src="images/publications/pic.png" alt="" style='border: none; height: 100px;'/></a> </div>`,
    );
    expect(publicationRowHtml(without, section)).not.toContain('<img');
  });

  it('escapes text and attributes from BibTeX fields', () => {
    const { section } = resolveBib(
      entry('x', {
        title: '<script>alert(1)</script> \\& AT\\&T',
        author: 'Jane <b>Doe</b> and Brandon Amos',
        _venue: 'A & B',
        url: 'https://e.org/?q=\'"><img src=x onerror=alert(1)>',
        _note: '&amp; stays text',
      }),
    );
    const html = row(section);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; AT&amp;T');
    expect(html).toContain('Jane &lt;b&gt;Doe&lt;/b&gt;');
    // A character reference is the character it names (`&amp;` is `&`), escaped again on the way out.
    expect(html).toContain('A &amp; B 2020 (&amp; stays text)');
    expect(html).toContain("href='https://e.org/?q=&#39;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'");
    expect(html).not.toContain('<script>');
  });

  it('shows the chips of the HTML page (arxiv, html, supp, blog, doi), in its order, and the award in bold', () => {
    const { section } = resolveBib(
      entry('k', {
        doi: '10.1/x',
        blog: 'https://blog.example.org/k',
        supp: 'https://example.org/supp.pdf',
        html: 'https://proceedings.example.org/k.html',
        codeurl: 'https://c',
        eprint: '2101.00001',
        archiveprefix: 'arXiv',
        award: 'Best Paper {Award} \\& <i>x</i>',
      }),
    );
    const html = row(section);
    expect(html).toContain(
      '    ICML 2020  <strong>Best Paper Award &amp; &lt;i&gt;x&lt;/i&gt;</strong> <br>\n',
    );
    expect(html).toContain(
      "    [1] [<a href='https://arxiv.org/abs/2101.00001' target='_blank'>arxiv</a>]  [<a href='https://c' target='_blank'>code</a>]  [<a href='https://proceedings.example.org/k.html' target='_blank'>html</a>]  [<a href='https://example.org/supp.pdf' target='_blank'>supp</a>]  [<a href='https://blog.example.org/k' target='_blank'>blog</a>]  [<a href='https://doi.org/10.1/x' target='_blank'>doi</a>] <br>\n",
    );
  });

  it('escapes Markdown link and attribute syntax in the abstract (kramdown reads it as Markdown)', () => {
    const { section } = resolveBib(
      entry('k', { abstract: 'See [x](javascript:alert(1)) and \\{: onclick=x\\} or \\textbackslash[y]' }),
    );
    expect(row(section)).toContain(
      '\nSee \\[x\\](javascript:alert(1)) and \\{: onclick=x\\} or \\\\\\[y\\]\n</div>',
    );
  });

  it('keys that are not id-safe get a safe anchor in ids and in the toggle script', () => {
    const { section } = resolveBib(entry("a'b<img>:x&y/z;", { abstract: 'x' }));
    const html = row(section);
    expect(html).toContain('<tr id="tr-a-b-img--x-y-z-">');
    expect(html).toContain(`onclick='$("#abs_a-b-img--x-y-z-").toggle()'`);
  });
});

describe('the section', () => {
  const bib = entry('new', { year: '2021' }) + entry('old', { year: '2014' });

  it('heading with the .bib link, Google Scholar button, year groups', () => {
    const { section } = resolveBib(bib, { sort_bib: true, group_by_year: true });
    const md = renderPublicationsMarkdown(section, 'Publications', {
      googleScholarId: 'd8gdZR4AAAAJ',
      sourceUrl: 'https://github.com/bamos/cv/',
    });
    expect(
      md.startsWith(`## <i class="fa fa-chevron-right"></i> Publications <a href="https://github.com/bamos/cv/blob/master/publications/all.bib"><i class="fa fa-code-fork" aria-hidden="true"></i></a>

<a href="https://scholar.google.com/citations?user=d8gdZR4AAAAJ" class="btn btn-primary" style="padding: 0.3em;">
  <i class="ai ai-google-scholar"></i> Google Scholar
</a>

<h2>2021</h2>
<table class="table table-hover">

<tr id="tr-new">`),
    ).toBe(true);
    expect(md).toContain(
      '</tr>\n\n</table>\n\n<h2>2015 and earlier</h2>\n<table class="table table-hover">\n\n<tr id="tr-old">',
    );
    expect(md.endsWith('</tr>\n\n</table>\n')).toBe(true);
  });

  it('NONE (null title): no heading; no source URL or show_bib_link: false: no .bib link; bib_url wins', () => {
    const { section } = resolveBib(bib);
    expect(
      renderPublicationsMarkdown(section, null, {}).startsWith('<table class="table table-hover">'),
    ).toBe(true);
    expect(renderPublicationsMarkdown(section, 'P', {}).split('\n')[0]).toBe(
      '## <i class="fa fa-chevron-right"></i> P',
    );
    const off = resolveBib(bib, { show_bib_link: false }).section;
    expect(renderPublicationsMarkdown(off, 'P', { sourceUrl: 'https://github.com/a/b' }).split('\n')[0]).toBe(
      '## <i class="fa fa-chevron-right"></i> P',
    );
    const custom = resolveBib(bib, { bib_url: 'https://x.org/my.bib' }).section;
    expect(renderPublicationsMarkdown(custom, 'P', {}).split('\n')[0]).toContain(
      '<a href="https://x.org/my.bib">',
    );
  });

  it('categories: a ### heading per list with its own .bib link; legend and venue summary under the heading', () => {
    const { section } = resolveBib(
      '',
      {
        file: undefined,
        categories: [
          { heading: 'Conference Papers', prefix: 'C', file: 'conf.bib' },
          { heading: 'Journal Papers', prefix: 'J', file: 'journal.bib' },
        ],
        legend: 'Selected papers are \\textbf{highlighted}.',
        venue_summary: 1,
      },
      {
        files: {
          'publications/conf.bib': entry('c1'),
          'publications/journal.bib': entry('j1', { _venue: 'JMLR' }),
        },
      },
    );
    const md = renderPublicationsMarkdown(section, 'Publications', { sourceUrl: 'https://github.com/u/cv' });
    expect(md).toContain(
      '## <i class="fa fa-chevron-right"></i> Publications\n\nSelected papers are <strong>highlighted</strong>.\n\n<p>Venues: ICML (1 paper) and JMLR (1 paper)</p>\n\n### Conference Papers <a href="https://github.com/u/cv/blob/master/publications/conf.bib">',
    );
    expect(md).toContain(
      '### Journal Papers <a href="https://github.com/u/cv/blob/master/publications/journal.bib">',
    );
    expect(md).toContain('    [C1]');
    expect(md).toContain('    [J1]');
  });

  it('shows citation counts only with show_citations', () => {
    const { section } = resolveBib(entry('k'), { show_citations: true });
    const p = section.lists[0]?.groups[0]?.publications[0];
    if (!p) throw new Error('missing');
    const withCount = {
      ...section,
      lists: [
        {
          ...section.lists[0],
          heading: null,
          prefix: '',
          file: 'all.bib',
          groups: [{ heading: null, publications: [{ ...p, citations: 42 }] }],
        },
      ],
    };
    expect(renderPublicationsMarkdown(withCount, null, {})).toContain('ICML 2020  (42 citations) <br>');
    expect(renderPublicationsMarkdown({ ...withCount, showCitations: false }, null, {})).not.toContain(
      'citations',
    );
  });
});
