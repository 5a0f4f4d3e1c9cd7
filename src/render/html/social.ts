/** Contact and social links of the page header, from `Person`. */
import type { Person } from '../../model/cv.js';
import { absoluteWebUrl, safeUrl } from '../../util/safe-url.js';
import type { IconName } from './icons.js';

export interface ContactLink {
  /** The network key (`github`), or `email` / `url` / `pdf`. */
  readonly kind: string;
  /** Visible text. */
  readonly label: string;
  readonly href: string;
  readonly icon: IconName;
}

interface Network {
  readonly label: string;
  readonly icon: IconName;
  /** Profile URL for an id as written in `social:` (already percent-encoded by the caller). */
  readonly profile: (id: string) => string;
}

/** Networks known by id; any other `social:` entry is shown only when its value is a full http(s) URL. */
const NETWORKS: Readonly<Record<string, Network>> = {
  github: { label: 'GitHub', icon: 'github', profile: (id) => `https://github.com/${id}` },
  google_scholar: {
    label: 'Google Scholar',
    icon: 'scholar',
    profile: (id) => `https://scholar.google.com/citations?user=${id}`,
  },
  twitter: { label: 'Twitter', icon: 'twitter', profile: (id) => `https://twitter.com/${id}` },
  x: { label: 'X', icon: 'twitter', profile: (id) => `https://x.com/${id}` },
  linkedin: { label: 'LinkedIn', icon: 'linkedin', profile: (id) => `https://www.linkedin.com/in/${id}` },
  orcid: { label: 'ORCID', icon: 'orcid', profile: (id) => `https://orcid.org/${id}` },
  gitlab: { label: 'GitLab', icon: 'link', profile: (id) => `https://gitlab.com/${id}` },
  bluesky: { label: 'Bluesky', icon: 'link', profile: (id) => `https://bsky.app/profile/${id}` },
  semantic_scholar: {
    label: 'Semantic Scholar',
    icon: 'scholar',
    profile: (id) => `https://www.semanticscholar.org/author/${id}`,
  },
  openalex: { label: 'OpenAlex', icon: 'scholar', profile: (id) => `https://openalex.org/${id}` },
  dblp: { label: 'dblp', icon: 'link', profile: (id) => `https://dblp.org/pid/${id}` },
};

const isWebUrl = (value: string): boolean => /^https?:\/\//i.test(value.trim());

/** `area_chair` -> `Area chair`. */
function readableKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The profile URL of one `social:` entry, or undefined when it cannot be linked safely. */
export function socialProfileUrl(network: string, value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (isWebUrl(trimmed)) return safeUrl(trimmed);
  const known = NETWORKS[network];
  if (known === undefined) return undefined;
  // An id is one path segment (dblp's `75/8682` is two): encode each segment, drop a leading `@`.
  const id = trimmed.replace(/^@/, '').split('/').map(encodeURIComponent).join('/');
  return safeUrl(known.profile(id));
}

/** Email, home page, then social profiles in the order written, then the PDF of the CV. */
export function contactLinks(person: Person): ContactLink[] {
  const links: ContactLink[] = [];
  const email = person.email?.trim();
  if (email) {
    const href = safeUrl(`mailto:${email}`);
    if (href !== undefined) links.push({ kind: 'email', label: email, href, icon: 'email' });
  }
  if (person.url) {
    const href = absoluteWebUrl(person.url);
    const label = person.url
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/\/$/, '');
    if (href !== undefined) links.push({ kind: 'url', label, href, icon: 'web' });
  }
  for (const [network, value] of Object.entries(person.social)) {
    const href = socialProfileUrl(network, value);
    if (href === undefined) continue;
    const known = NETWORKS[network];
    links.push({
      kind: network,
      label: known?.label ?? readableKey(network),
      href,
      icon: known?.icon ?? 'link',
    });
  }
  if (person.pdfUrl) {
    const href = safeUrl(person.pdfUrl);
    if (href !== undefined) links.push({ kind: 'pdf', label: 'PDF', href, icon: 'pdf' });
  }
  return links;
}
