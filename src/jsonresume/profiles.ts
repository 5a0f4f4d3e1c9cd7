/**
 * `social:` entries and JSON Resume `profiles`. A known network is written in cv.yaml by its key and the
 * user's id (`github: octocat`); any other network keeps its name as the key and its profile URL (or the
 * username when there is no URL) as the value.
 */
import { isWebUrl, profileUrl, SOCIAL_NETWORKS, socialNetwork } from '../render/shared/social.js';
import type { ResumeProfile } from './resume.js';

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
  for (const [key, network] of Object.entries(SOCIAL_NETWORKS)) {
    if (network.name.toLowerCase() === wanted || key === wanted.replace(/[\s-]+/g, '_')) return key;
  }
  return undefined;
}

/** One `social:` entry as a JSON Resume profile. */
export function socialToProfile(key: string, value: string): ResumeProfile {
  const trimmed = value.trim();
  const known = socialNetwork(key);
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
