/** The title block: name, contact line (email, home page, profiles) and "Last updated on ...". */
import type { Person } from '../../model/cv.js';
import { formatLongDate } from '../../util/dates.js';
import { absoluteWebUrl } from '../../util/safe-url.js';
import type { LatexContext } from './context.js';

interface Network {
  /** Profile URL for an id (already percent-encoded). */
  readonly profile: (id: string) => string;
  /** What the printed page shows: a reader of paper cannot click, so the address or handle is spelled out. */
  readonly label: (id: string) => string;
}

const NETWORKS: Readonly<Record<string, Network>> = {
  github: { profile: (id) => `https://github.com/${id}`, label: (id) => `github.com/${id}` },
  gitlab: { profile: (id) => `https://gitlab.com/${id}`, label: (id) => `gitlab.com/${id}` },
  google_scholar: {
    profile: (id) => `https://scholar.google.com/citations?user=${id}`,
    label: () => 'Google Scholar',
  },
  semantic_scholar: {
    profile: (id) => `https://www.semanticscholar.org/author/${id}`,
    label: () => 'Semantic Scholar',
  },
  openalex: { profile: (id) => `https://openalex.org/${id}`, label: () => 'OpenAlex' },
  dblp: { profile: (id) => `https://dblp.org/pid/${id}`, label: () => 'dblp' },
  orcid: { profile: (id) => `https://orcid.org/${id}`, label: (id) => `orcid.org/${id}` },
  twitter: { profile: (id) => `https://twitter.com/${id}`, label: (id) => `@${id}` },
  x: { profile: (id) => `https://x.com/${id}`, label: (id) => `@${id}` },
  bluesky: { profile: (id) => `https://bsky.app/profile/${id}`, label: (id) => `@${id}` },
  linkedin: { profile: (id) => `https://www.linkedin.com/in/${id}`, label: (id) => `linkedin.com/in/${id}` },
};

const withoutScheme = (url: string): string =>
  url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/$/, '');

/** The contact line's items, already LaTeX. */
function contactItems(person: Person, context: LatexContext): string[] {
  const items: string[] = [];
  const email = person.email?.trim();
  if (email) items.push(context.link(`mailto:${email}`, context.text(email)));
  const home = person.url?.trim();
  if (home) items.push(context.link(absoluteWebUrl(home), context.text(withoutScheme(home))));
  for (const [network, rawValue] of Object.entries(person.social)) {
    const value = rawValue.trim();
    if (value === '') continue;
    if (/^https?:\/\//i.test(value)) {
      items.push(context.link(value, context.text(withoutScheme(value))));
      continue;
    }
    const known = NETWORKS[network];
    const id = value.replace(/^@/, '');
    if (known === undefined) {
      items.push(context.text(`${network.replace(/[_-]+/g, ' ')}: ${value}`));
      continue;
    }
    // An id is one path segment (dblp's `75/8682` is two): encode each segment.
    const encoded = id.split('/').map(encodeURIComponent).join('/');
    items.push(context.link(known.profile(encoded), context.text(known.label(id))));
  }
  return items;
}

export function renderHeader(person: Person, now: Date, context: LatexContext): string {
  const contacts = contactItems(person, context);
  const lines = [
    '\\begin{center}',
    `{\\fontsize{28}{34}\\selectfont\\bfseries\\color{vitaprimary}${context.text(person.name)}\\par}`,
  ];
  if (contacts.length > 0) {
    lines.push(
      `\\vspace{1.2ex}{\\small\\color{vitasecondary}${contacts.join('\\enspace\\textbullet\\enspace\n')}\\par}`,
    );
  }
  lines.push(
    `\\vspace{0.6ex}{\\footnotesize\\color{vitasecondary}Last updated on ${context.text(formatLongDate(now))}\\par}`,
    '\\end{center}',
  );
  return lines.join('\n');
}
