/**
 * The page's stylesheet: system fonts, a light and a dark palette (`prefers-color-scheme`), a one-column
 * layout that reflows on phones, and a print stylesheet. Inlined in `<style>`; its SHA-256 goes into the
 * Content-Security-Policy, so the text is hashed as it is.
 */
export const PAGE_STYLE = `:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --fg: #1c2127;
  --muted: #59616b;
  --accent: #0b57b5;
  --accent-strong: #083f85;
  --underline: #a9c1e3;
  --rule: #e2e5e9;
  --rule-strong: #c9ced4;
  --surface: #f5f7f9;
  --selected: #ffffd0;
  --selected-edge: #d6b83b;
  --chip-bg: #ffffff;
  --chip-open-fg: #ffffff;
  --font: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", Arial, "Liberation Sans", system-ui, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #121518;
    --fg: #e3e6ea;
    --muted: #a3abb5;
    --accent: #80b8ff;
    --accent-strong: #b3d4ff;
    --underline: #4a6b94;
    --rule: #2a3037;
    --rule-strong: #3c444d;
    --surface: #1a1e23;
    --selected: #2c2a16;
    --selected-edge: #a08a2c;
    --chip-bg: #171b1f;
    --chip-open-fg: #0d1117;
  }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font-family: var(--font);
  font-size: 1rem;
  line-height: 1.55;
  overflow-wrap: break-word;
}
.page { max-width: 54rem; margin: 0 auto; padding: 3rem 1.5rem 2.5rem; }
a {
  color: var(--accent); text-decoration: underline; text-decoration-thickness: 1px;
  text-decoration-color: var(--underline); text-underline-offset: 0.18em;
}
a:hover { color: var(--accent-strong); text-decoration-color: currentColor; }
.toc a, .contact a, .pub-toolbar a, .pub-title a, .entry-head > a:only-child, a.chip { text-decoration: none; }
.pub-title a:hover, .entry-head > a:only-child:hover, .pub-toolbar a:hover { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 3px; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: 1rem; top: -4rem; padding: 0.5rem 0.9rem; background: var(--bg); border: 1px solid var(--rule-strong); border-radius: 6px; z-index: 10; }
.skip-link:focus { top: 1rem; }
.icon {
  width: 1.05em; height: 1.05em; flex: none; vertical-align: -0.15em;
  fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round;
}

.masthead h1 { font-size: 2.4rem; line-height: 1.15; margin: 0 0 0.75rem; letter-spacing: -0.02em; font-weight: 700; }
.contact { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.25rem; font-size: 0.95rem; }
.contact a { display: inline-flex; align-items: center; gap: 0.4rem; color: var(--muted); }
.contact a:hover { color: var(--accent); }
.contact a:hover span { text-decoration: underline; }
.toc { margin: 1.75rem 0 0; padding: 0.65rem 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
.toc ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.4rem; font-size: 0.92rem; }
.toc a { color: var(--fg); font-weight: 500; display: inline-block; padding: 0.1rem 0; }
.toc a:hover { color: var(--accent); }
/* Wide screens: the sections listed in the left margin, always in view. */
@media (min-width: 80rem) {
  .toc {
    position: fixed; top: 3rem; left: max(1rem, calc(50% - 27rem - 12.5rem)); width: 11rem;
    max-height: calc(100vh - 6rem); overflow-y: auto; margin: 0; padding: 0 0.5rem 0 0; border: 0;
  }
  .toc ul { flex-direction: column; flex-wrap: nowrap; gap: 0.2rem; }
}

main > section { margin-top: 2.6rem; scroll-margin-top: 1rem; }
main > section:first-child { margin-top: 2rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 0 0 0.6rem; padding-bottom: 0.4rem; border-bottom: 2px solid var(--fg); font-weight: 650; letter-spacing: -0.01em; }
.group-heading { font-size: 1.05rem; margin: 1.5rem 0 0.35rem; font-weight: 650; }
.about p { margin: 0 0 0.9rem; }
.about p:last-child { margin-bottom: 0; }

.entries, .pubs { list-style: none; margin: 0; padding: 0; }
.entry {
  display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 1.5rem;
  padding: 0.6rem 0.5rem; border-bottom: 1px solid var(--rule);
}
.entry:last-child { border-bottom: 0; }
.entry-body { grid-column: 1; grid-row: 1; min-width: 0; }
.entry-date { grid-column: 2; grid-row: 1; color: var(--muted); font-size: 0.92rem; white-space: nowrap; text-align: right; font-variant-numeric: tabular-nums; padding-top: 0.1rem; }
.entry-title { font-weight: 600; }
.entry-meta { color: var(--muted); font-size: 0.95rem; }
.entry-aside { color: var(--muted); }
.entry-details { margin: 0.3rem 0 0; padding-left: 1.15rem; font-size: 0.95rem; }
.entry-details li { margin: 0.1rem 0; }
.repo-name { font-family: var(--mono); font-size: 0.92em; }
.stars { display: inline-flex; align-items: center; gap: 0.2rem; margin-left: 0.35rem; color: var(--muted); font-size: 0.88rem; font-variant-numeric: tabular-nums; }
.stars .icon { fill: currentColor; stroke-width: 1; width: 0.95em; height: 0.95em; }
.skills { margin: 0; }
.skills > div { display: grid; grid-template-columns: 9rem minmax(0, 1fr); gap: 1rem; padding: 0.5rem 0.5rem; border-bottom: 1px solid var(--rule); }
.skills > div:last-child { border-bottom: 0; }
.skills dt { font-weight: 600; }
.skills dd { margin: 0; }
.fields { margin: 0.2rem 0 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.1rem 0.75rem; font-size: 0.95rem; }
.fields > div { display: contents; }
.fields dt { color: var(--muted); }
.fields dd { margin: 0; }
.inline-list { list-style: none; margin: 0; padding: 0 0.5rem; display: flex; flex-wrap: wrap; gap: 0.2rem 0; }
.inline-list li:not(:last-child)::after { content: "·"; margin: 0 0.5rem; color: var(--muted); }

.pub-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1.25rem; margin: 0 0 0.5rem; font-size: 0.92rem; }
.pub-toolbar a { display: inline-flex; align-items: center; gap: 0.35rem; }
.venue-summary { margin: 0 0 0.5rem; color: var(--muted); font-size: 0.92rem; }
.page-search, .pub-filter {
  display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem 0.9rem; margin: 0.75rem 0 0.5rem;
  padding: 0.65rem 0.75rem; background: var(--surface); border: 1px solid var(--rule); border-radius: 6px; font-size: 0.92rem;
}
.page-search { margin: 1.25rem 0 0; }
.filter-field { display: flex; flex-direction: column; gap: 0.15rem; color: var(--muted); }
.filter-query { flex: 1 1 16rem; }
.page-search input[type="search"], .pub-filter select {
  font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--rule-strong); border-radius: 4px;
  min-height: 2rem; padding: 0.2rem 0.45rem; max-width: 100%;
}
.filter-check { display: inline-flex; align-items: center; gap: 0.35rem; min-height: 2rem; }
.filter-check input { width: 1.1rem; height: 1.1rem; margin: 0; }
.filter-count { flex-basis: 100%; margin: 0; color: var(--muted); }
.filter-count:empty { display: none; }
.pub-legend { margin: 0 0 0.5rem; color: var(--muted); font-size: 0.9rem; }
.legend-item { white-space: nowrap; }
.legend-swatch {
  display: inline-block; width: 1.6em; height: 0.95em; margin-right: 0.35em; vertical-align: -0.12em;
  background: var(--selected); box-shadow: inset 3px 0 0 var(--selected-edge); border: 1px solid var(--rule);
}
.award { display: inline-flex; align-items: center; gap: 0.25rem; color: var(--fg); font-weight: 600; }
.award .icon { color: var(--selected-edge); }
.author-gap { display: none; }
.authors-short .author-more { display: none; }
.authors-short .author-gap { display: inline; }
.more-authors {
  font: inherit; font-size: 0.9em; color: var(--accent); background: none; border: 0; padding: 0 0.25rem;
  margin-left: 0.25rem; min-height: 24px; cursor: pointer; text-decoration: underline; text-decoration-color: var(--underline);
}
.pub-years ul { list-style: none; margin: 0.5rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.25rem; font-size: 0.9rem; }
.pub-years a { display: inline-flex; align-items: center; min-height: 24px; min-width: 24px; padding: 0 0.3rem; font-variant-numeric: tabular-nums; }
.to-top { margin: 0.75rem 0 0; font-size: 0.9rem; text-align: right; }
.pub-year { font-size: 1rem; font-weight: 650; color: var(--muted); margin: 1.6rem 0 0.25rem; padding: 0 0.5rem; font-variant-numeric: tabular-nums; letter-spacing: 0.02em; }
.pub {
  display: grid; grid-template-columns: 2.75rem minmax(0, 1fr); column-gap: 0.5rem;
  padding: 0.75rem 0.5rem; border-bottom: 1px solid var(--rule); scroll-margin-top: 1rem;
}
.pub:last-child { border-bottom: 0; }
.pub.selected { background: var(--selected); box-shadow: inset 3px 0 0 var(--selected-edge); border-bottom-color: var(--bg); border-radius: 2px; }
.pub:target { outline: 2px solid var(--accent); outline-offset: -2px; }
.pub-label { color: var(--muted); font-size: 0.88rem; font-variant-numeric: tabular-nums; padding-top: 0.12rem; }
.pub-body { min-width: 0; }
.pub-body::after { content: ""; display: block; clear: both; }
.pub-image { float: right; width: 8.5rem; max-width: 32%; height: auto; margin: 0.15rem 0 0.5rem 1rem; border: 1px solid var(--rule); border-radius: 4px; background: var(--surface); }
.pub-title { font-weight: 600; line-height: 1.4; }
.pub-authors { margin-top: 0.15rem; }
.pub-venue { color: var(--muted); font-size: 0.95rem; }
.pub-venue .pub-note { color: var(--fg); }
.pub-actions { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0.35rem; margin-top: 0.45rem; }
.chip {
  display: inline-flex; align-items: center; min-height: 24px; min-width: 24px;
  font: inherit; font-size: 0.78rem; line-height: 1.5; padding: 0.05rem 0.6rem;
  color: var(--fg); background: var(--chip-bg); border: 1px solid var(--rule-strong); border-radius: 999px;
  cursor: pointer; text-decoration: none; white-space: nowrap;
}
a.chip:hover, button.chip:hover, summary.chip:hover { border-color: var(--accent); color: var(--accent); text-decoration: none; }
details[open] > summary.chip { background: var(--accent); border-color: var(--accent); color: var(--chip-open-fg); }
details.bib[open], details.abs[open] { flex-basis: 100%; }
details.bib > summary, details.abs > summary { display: flex; width: fit-content; list-style: none; }
details.bib > summary::-webkit-details-marker, details.abs > summary::-webkit-details-marker { display: none; }
.bib-body { display: flex; flex-direction: column; align-items: flex-start; gap: 0.35rem; margin-top: 0.4rem; }
.copy-row { display: flex; flex-wrap: wrap; gap: 0.35rem; }
.bib-body pre {
  align-self: stretch; margin: 0; padding: 0.65rem 0.8rem; font-family: var(--mono); font-size: 0.78rem;
  line-height: 1.45; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--surface); border: 1px solid var(--rule); border-radius: 6px;
}
.abstract { margin-top: 0.4rem; padding: 0.65rem 0.85rem; background: var(--surface); border: 1px solid var(--rule); border-radius: 6px; font-size: 0.93rem; line-height: 1.6; }
.abstract p { margin: 0; }
.selected .abstract, .selected .bib-body pre { background: var(--bg); }

.site-footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.88rem; }
.site-footer p { margin: 0.2rem 0; }

@media (max-width: 40rem) {
  .page { padding: 1.75rem 1rem 2rem; }
  .masthead h1 { font-size: 1.9rem; }
  .contact { gap: 0.35rem 1rem; font-size: 0.92rem; }
  .toc { margin-top: 1.25rem; }
  .toc ul { gap: 0.25rem 1rem; }
  .entry { grid-template-columns: minmax(0, 1fr); padding: 0.55rem 0.25rem; }
  .entry-date { grid-column: 1; grid-row: auto; text-align: left; font-size: 0.85rem; padding-top: 0; }
  .entry-body { grid-row: auto; }
  .skills > div { grid-template-columns: minmax(0, 1fr); gap: 0.1rem; padding: 0.5rem 0.25rem; }
  .pub { grid-template-columns: 2.25rem minmax(0, 1fr); padding: 0.7rem 0.25rem; column-gap: 0.35rem; }
  .pub-image { width: 5.5rem; margin-left: 0.75rem; }
  .pub-year { padding: 0 0.25rem; }
}

@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #3d3d3d; --accent: #000000; --accent-strong: #000000;
    --rule: #d0d0d0; --rule-strong: #b0b0b0; --surface: #ffffff; --selected: #ffffff; --selected-edge: #8a8a8a;
  }
  @page { margin: 1.4cm 1.6cm; }
  body { font-size: 9pt; line-height: 1.25; }
  .page { max-width: none; padding: 0; }
  .skip-link, .toc, details.bib, details.abs, .copy, .pub-image, .page-search, .pub-filter, .pub-years, .to-top,
  .more-authors, .author-gap, .site-footer a { display: none !important; }
  .authors-short .author-more { display: inline !important; }
  .masthead h1 { font-size: 18pt; margin-bottom: 0.3rem; }
  main > section, main > section:first-child { margin-top: 0.9rem; }
  h2 { font-size: 12pt; border-bottom-width: 1px; margin-bottom: 0.3rem; padding-bottom: 0.15rem; }
  h2, h3, h4 { break-after: avoid; }
  .pub-year { font-size: 10pt; margin: 0.5rem 0 0.1rem; }
  .entry, .pub, .skills > div { break-inside: avoid; }
  .entry { padding: 0.2rem 0.25rem; }
  .page-break { break-before: page; }
  /* The PDF's hierarchy: the title first, then the authors, then the venue, smaller and grey. */
  .pub { padding: 0.15rem 0.25rem; border-bottom: 0; grid-template-columns: 2.2rem minmax(0, 1fr); }
  .pub.selected { box-shadow: inset 2pt 0 0 var(--selected-edge); }
  .pub-title { font-size: 9.5pt; line-height: 1.3; }
  .pub-authors { font-size: 8.5pt; margin-top: 0; }
  .pub-venue { font-size: 8pt; display: inline; }
  .pub-actions { display: inline; margin: 0 0 0 0.8rem; font-size: 7.5pt; }
  .pub-actions > a.chip { margin-right: 0.6rem; }
  a { text-decoration: none; }
  .chip { display: inline; border: 0; padding: 0; min-height: 0; min-width: 0; font-size: 7.5pt; }
  /* A link chip prints its address: paper cannot be clicked. */
  a.chip::after { content: " " attr(href); color: var(--muted); overflow-wrap: anywhere; }
  .legend-swatch { border-color: var(--selected-edge); }
}
`;
