/**
 * The files `vita init` writes, as text. The CV is a short, complete example that builds without a
 * warning; the workflow builds it on every push and publishes `build/` to GitHub Pages.
 */

import type { InstallSource } from './install-source.js';

/** The schema file written beside cv.yaml, so editors validate offline and against this vita's version. */
export const SCHEMA_FILE = 'cv.schema.json';

export const CV_YAML = `# yaml-language-server: $schema=./${SCHEMA_FILE}
#
# Your CV. Edit it, then run \`vita watch\` to see the result in your browser as you type.
# ${SCHEMA_FILE} (vita's JSON Schema, as \`vita schema\` writes it) gives completion and checks in editors
# with the YAML extension; \`vita schema --out ${SCHEMA_FILE}\` refreshes it after an upgrade.
# Strings are a LaTeX subset: \\textbf{bold}, \\textit{italic}, \\href{https://...}{text}, -- for a dash, \\& for &.

name:
  first: Ada
  last: Lovelace
email: ada@example.org
url: ada.example.org
# The PDF that \`vita build\` writes beside the page; the page links it.
pdf: /cv.pdf
social:
  github: ada
  orcid: 0000-0002-1825-0097

order:
  - [about, NONE]
  - [education, Education]
  - [positions, Positions]
  - [honors, Honors \\& Awards]
  - [publications, Publications]
  - [talks, Invited Talks]
  - [teaching, Teaching]
  - [service, Service]
  - [skills, Skills]

about: |
  I study the <b>analytical engine</b> and what it could compute beyond numbers.

education:
  - school: University of London
    location: London, UK
    degree: Ph.D. in Mathematics
    dates: 1840 -- 1843
    details:
      - "Advisor: \\\\href{https://en.wikipedia.org/wiki/Augustus_De_Morgan}{Augustus De Morgan}"

positions:
  - place: Analytical Engine Project
    title: Research Scientist
    location: London, UK
    dates: 1842 -- present
    details:
      - Wrote the first published algorithm intended for a machine.

honors:
  - title: Best Paper Award
    year: 1843
    descr: For the notes on the analytical engine.

publications:
  name: Lovelace
  file: publications.bib
  sort_bib: true

talks:
  - title: What the Analytical Engine Can Do
    location: Royal Society, London
    year: 1843

teaching:
  - semester: F1841
    name: Mathematics for Engineers
    short: UL 101
    position: TA

service:
  - details: "Reviewing: Journal of Analytical Machines"
    year: 1842 -- 1843

skills:
  - title: Languages
    details: Mathematics, Punched cards
`;

export const PUBLICATIONS_BIB = `% Publications listed in cv.yaml (\`publications: {file: publications.bib}\`).
% Fields beyond BibTeX: _venue (the short venue shown on the CV, required), selected, codeurl, slidesurl.

@article{lovelace1843notes,
  author   = {Ada Lovelace and Charles Babbage},
  title    = {Notes on the Analytical Engine},
  journal  = {Scientific Memoirs},
  _venue   = {Scientific Memoirs},
  year     = {1843},
  url      = {https://en.wikipedia.org/wiki/Note_G},
  selected = {true},
  abstract = {A description of the analytical engine, with the first algorithm intended for a machine.},
}

@inproceedings{lovelace1842engine,
  author    = {Ada Lovelace},
  title     = {On the Uses of the Analytical Engine},
  booktitle = {Proceedings of the Royal Society},
  _venue    = {Royal Society},
  year      = {1842},
}
`;

export const GITIGNORE = `# Output of \`vita build\`; the GitHub Actions workflow builds and publishes it.
build/
# GitHub stars and citation counts; the workflow keeps them between runs with actions/cache.
.vita-cache/
`;

export function readme(source: InstallSource): string {
  return `# My CV

Built with [vita](${source.homepage}) from \`cv.yaml\` and \`publications.bib\`.

## Install vita (once)

vita ${source.version}, from its Git repository (needs Node 20 or later and git):

\`\`\`sh
${source.command}
\`\`\`

When vita is published on the npm registry, \`npm install --global ${source.packageName}@${source.version}\` does the same.

## Edit

\`\`\`sh
vita watch    # builds, opens a live preview, rebuilds on every save
\`\`\`

- \`cv.yaml\`: the person, the section order (\`order:\`) and one key per section.
- \`publications.bib\`: your papers; \`_venue\` is the short venue name shown on the CV.
- \`cv.schema.json\`: lets your editor check \`cv.yaml\` as you type (VS Code: the YAML extension).

## Build and check

\`\`\`sh
vita build            # build/index.html, cv.pdf, cv.md, cv.tex, cv.json
vita check --links    # validates, and checks that every link works
\`\`\`

## Publish

Push to GitHub, then in the repository's Settings > Pages choose "GitHub Actions" as the source. The
workflow in \`.github/workflows/cv.yml\` builds the CV on every push to \`main\` and publishes \`build/\`. It
installs the vita version above; change the version in both places to upgrade.
`;
}

export function workflow(source: InstallSource): string {
  return `# Builds the CV on every push to main and publishes build/ to GitHub Pages.
# Repository settings > Pages > Source: GitHub Actions.
name: CV

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: true

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - uses: actions/configure-pages@v5
        id: pages
      # GitHub stars and citation counts, kept between runs.
      - uses: actions/cache@v4
        with:
          path: .vita-cache
          key: vita-cache-\${{ github.run_id }}
          restore-keys: vita-cache-
      - name: Install vita
        run: ${source.command}
      - name: Build the CV
        run: vita build --base-url "\${{ steps.pages.outputs.base_url }}"
        env:
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
      - uses: actions/upload-pages-artifact@v3
        with:
          path: build

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - uses: actions/deploy-pages@v4
        id: deployment
`;
}
