/**
 * `social:` entries and JSON Resume `profiles`. A known network is written in cv.yaml by its key and the
 * user's id (`github: octocat`); any other network keeps its name as the key and its profile URL (or the
 * username when there is no URL) as the value.
 */
import type { ResumeProfile } from './resume.js';

interface Network {
  /** The name JSON Resume documents use. */
  readonly name: string;
  readonly profile: (id: string) => string;
}

/** Networks whose profile URL follows from the id (the same set the web page links). */
export const NETWORKS: Readonly<Record<string, Network>> = {
  github: { name: 'GitHub', profile: (id) => `https://github.com/${id}` },
  gitlab: { name: 'GitLab', profile: (id) => `https://gitlab.com/${id}` },
  google_scholar: {
    name: 'Google Scholar',
    profile: (id) => `https://scholar.google.com/citations?user=${id}`,
  },
  twitter: { name: 'Twitter', profile: (id) => `https://twitter.com/${id}` },
  x: { name: 'X', profile: (id) => `https://x.com/${id}` },
  linkedin: { name: 'LinkedIn', profile: (id) => `https://www.linkedin.com/in/${id}` },
  orcid: { name: 'ORCID', profile: (id) => `https://orcid.org/${id}` },
  bluesky: { name: 'Bluesky', profile: (id) => `https://bsky.app/profile/${id}` },
  semantic_scholar: {
    name: 'Semantic Scholar',
    profile: (id) => `https://www.semanticscholar.org/author/${id}`,
  },
  openalex: { name: 'OpenAlex', profile: (id) => `https://openalex.org/${id}` },
  dblp: { name: 'dblp', profile: (id) => `https://dblp.org/pid/${id}` },
};

const isWebUrl = (value: string): boolean => /^https?:\/\//i.test(value);

/** `https://soundcloud.com/someone` -> `someone`: the username a profile URL ends with. */
function lastPathSegment(url: string): string | undefined {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last === undefined ? undefined : decodeURIComponent(last);
  } catch {
    return undefined;
  }
}

/** The key of a known network for a JSON Resume network name (`Google Scholar` -> `google_scholar`). */
export function networkKey(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  for (const [key, network] of Object.entries(NETWORKS)) {
    if (network.name.toLowerCase() === wanted || key === wanted.replace(/[\s-]+/g, '_')) return key;
  }
  return undefined;
}

/** The profile URL of an id on a known network (each path segment percent-encoded, a leading `@` dropped). */
export function profileUrl(key: string, id: string): string | undefined {
  const network = NETWORKS[key];
  if (network === undefined) return undefined;
  return network.profile(id.trim().replace(/^@/, '').split('/').map(encodeURIComponent).join('/'));
}

/** One `social:` entry as a JSON Resume profile. */
export function socialToProfile(key: string, value: string): ResumeProfile {
  const trimmed = value.trim();
  const known = NETWORKS[key];
  if (known !== undefined) {
    if (isWebUrl(trimmed)) return { network: known.name, url: trimmed };
    const url = profileUrl(key, trimmed);
    return url === undefined
      ? { network: known.name, username: trimmed }
      : { network: known.name, username: trimmed, url };
  }
  if (isWebUrl(trimmed)) {
    const username = lastPathSegment(trimmed);
    return username === undefined ? { network: key, url: trimmed } : { network: key, username, url: trimmed };
  }
  return { network: key, username: trimmed };
}

/** One JSON Resume profile as a `social:` entry, or undefined when it names neither a user nor a URL. */
export function profileToSocial(profile: ResumeProfile): { key: string; value: string } | undefined {
  const network = profile.network?.trim() ?? '';
  const username = profile.username?.trim() ?? '';
  const url = profile.url?.trim() ?? '';
  if (network === '' || (username === '' && url === '')) return undefined;
  const key = networkKey(network);
  if (key !== undefined) {
    // The id is enough when it gives back the same URL (or there is no URL); otherwise keep the URL.
    if (username !== '' && (url === '' || profileUrl(key, username) === url)) return { key, value: username };
    return { key, value: url !== '' ? url : username };
  }
  if (url !== '') return { key: network, value: url };
  return { key: network, value: username };
}
