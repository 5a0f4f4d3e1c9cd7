/** Contact and social links of the page header, from `Person`. */
import type { Person } from '../../model/cv.js';
import { readableKey } from '../../util/readable-key.js';
import { absoluteWebUrl, safeUrl } from '../../util/safe-url.js';
import { socialLink, socialNetwork, withoutScheme } from '../shared/social.js';
import type { IconName } from './icons.js';

export interface ContactLink {
  /** The network key (`github`), or `email` / `url` / `pdf`. */
  readonly kind: string;
  /** Visible text. */
  readonly label: string;
  readonly href: string;
  readonly icon: IconName;
}

/** Icons of the known networks; any other `social:` entry gets the plain link icon. */
const ICONS: Readonly<Record<string, IconName>> = {
  github: 'github',
  google_scholar: 'scholar',
  twitter: 'twitter',
  x: 'twitter',
  linkedin: 'linkedin',
  orcid: 'orcid',
  semantic_scholar: 'scholar',
  openalex: 'scholar',
};

/** The profile URL of one `social:` entry, or undefined when it cannot be linked safely. */
export function socialProfileUrl(network: string, value: string): string | undefined {
  const url = socialLink(network, value);
  return url === undefined ? undefined : safeUrl(url);
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
    const label = withoutScheme(person.url);
    if (href !== undefined) links.push({ kind: 'url', label, href, icon: 'web' });
  }
  for (const [network, value] of Object.entries(person.social)) {
    const href = socialProfileUrl(network, value);
    if (href === undefined) continue;
    links.push({
      kind: network,
      label: socialNetwork(network)?.webLabel ?? readableKey(network),
      href,
      icon: (Object.hasOwn(ICONS, network) ? ICONS[network] : undefined) ?? 'link',
    });
  }
  if (person.pdfUrl) {
    const href = safeUrl(person.pdfUrl);
    if (href !== undefined) links.push({ kind: 'pdf', label: 'PDF', href, icon: 'pdf' });
  }
  return links;
}
