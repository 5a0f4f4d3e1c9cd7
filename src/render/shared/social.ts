/**
 * The networks of `social:`: a known network is written by its key and the user's id (`github: octocat`);
 * every target (web page, Markdown, LaTeX, Typst, JSON Resume) links and labels it from this one table.
 * Any other key is shown only by value (a full http(s) URL is linked as written). Targets keep the order
 * of `social:` as written and escape the results themselves.
 */
import { encodeUriComponent } from '../../util/uri.js';

export interface SocialNetwork {
  /** The network's name, as JSON Resume documents write it (`GitHub`). */
  readonly name: string;
  /** What the web page shows next to the icon. */
  readonly webLabel: string;
  /** What a printed page shows for an id: a reader of paper cannot click, so the handle is spelled out. */
  readonly printLabel: (id: string) => string;
  /** The profile URL of an id whose path segments are already percent-encoded. */
  readonly profile: (encodedId: string) => string;
}

const network = (
  name: string,
  profile: (encodedId: string) => string,
  printLabel: (id: string) => string = () => name,
): SocialNetwork => ({ name, webLabel: name, printLabel, profile });

export const SOCIAL_NETWORKS: Readonly<Record<string, SocialNetwork>> = {
  github: network(
    'GitHub',
    (id) => `https://github.com/${id}`,
    (id) => `github.com/${id}`,
  ),
  gitlab: network(
    'GitLab',
    (id) => `https://gitlab.com/${id}`,
    (id) => `gitlab.com/${id}`,
  ),
  google_scholar: network('Google Scholar', (id) => `https://scholar.google.com/citations?user=${id}`),
  semantic_scholar: network('Semantic Scholar', (id) => `https://www.semanticscholar.org/author/${id}`),
  openalex: network('OpenAlex', (id) => `https://openalex.org/${id}`),
  dblp: network('dblp', (id) => `https://dblp.org/pid/${id}`),
  orcid: network(
    'ORCID',
    (id) => `https://orcid.org/${id}`,
    (id) => `orcid.org/${id}`,
  ),
  twitter: network(
    'Twitter',
    (id) => `https://twitter.com/${id}`,
    (id) => `@${id}`,
  ),
  x: network(
    'X',
    (id) => `https://x.com/${id}`,
    (id) => `@${id}`,
  ),
  bluesky: network(
    'Bluesky',
    (id) => `https://bsky.app/profile/${id}`,
    (id) => `@${id}`,
  ),
  linkedin: network(
    'LinkedIn',
    (id) => `https://www.linkedin.com/in/${id}`,
    (id) => `linkedin.com/in/${id}`,
  ),
};

/** The known network of a `social:` key, or undefined. */
export function socialNetwork(key: string): SocialNetwork | undefined {
  return Object.hasOwn(SOCIAL_NETWORKS, key) ? SOCIAL_NETWORKS[key] : undefined;
}

/** Whether a `social:` value is a full web address rather than an id. */
export const isWebUrl = (value: string): boolean => /^https?:\/\//i.test(value.trim());

/** `https://bamos.github.io/` -> `bamos.github.io`: an address as printed. */
export const withoutScheme = (url: string): string =>
  url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/$/, '');

/** An id as written, without surrounding space and a leading `@` (`@name` and `name` are the same handle). */
export const socialId = (value: string): string => value.trim().replace(/^@/, '');

/**
 * The profile URL of an id on a known network, or undefined for an unknown network or an id that cannot be
 * linked safely. An id may have several path segments (dblp's `75/8682`): each is percent-encoded on its
 * own, and an empty, `.` or `..` segment is refused (it would leave the profile path).
 */
export function profileUrl(key: string, value: string): string | undefined {
  const known = socialNetwork(key);
  if (known === undefined) return undefined;
  const segments = socialId(value).split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return undefined;
  return known.profile(segments.map(encodeUriComponent).join('/'));
}

/** The printed label of an id on a known network (`github.com/octocat`, `@octocat`), or undefined. */
export function printLabel(key: string, value: string): string | undefined {
  return socialNetwork(key)?.printLabel(socialId(value));
}

/** Where a `social:` entry links: a full web address as written, else the profile URL of a known network. */
export function socialLink(key: string, value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return isWebUrl(trimmed) ? trimmed : profileUrl(key, trimmed);
}
