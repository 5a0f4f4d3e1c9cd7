/** The title block: name, contact line (email, home page, profiles) and "Last updated on ...". */

import { lastUpdatedText, localeOf } from '../../locale/locale.js';
import type { Person } from '../../model/cv.js';
import { absoluteWebUrl } from '../../util/safe-url.js';
import { isWebUrl, printLabel, profileUrl, withoutScheme } from '../shared/social.js';
import type { LatexContext } from './context.js';

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
    if (isWebUrl(value)) {
      items.push(context.link(value, context.text(withoutScheme(value))));
      continue;
    }
    const label = printLabel(network, value);
    if (label === undefined) {
      items.push(context.text(`${network.replace(/[_-]+/g, ' ')}: ${value}`));
      continue;
    }
    items.push(context.link(profileUrl(network, value), context.text(label)));
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
    `\\vspace{0.6ex}{\\footnotesize\\color{vitasecondary}${context.text(lastUpdatedText(now, localeOf(context.cv.locale)))}\\par}`,
    '\\end{center}',
  );
  return lines.join('\n');
}
