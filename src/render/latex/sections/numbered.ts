/** Numbered rows with a year at the right, as the original's longtables: talks and repositories. */

import type { ReposSection, TalksSection } from '../../../model/cv.js';
import { formatStarCount } from '../../shared/stars.js';
import type { LatexContext } from '../context.js';
import { isPresent, joinPresent } from './shared.js';

const numbered = (index: number, body: string, right: string): string =>
  `\\vitanumbered{${index + 1}.}{${body}}{${right}}`;

/** *Title* --- Location, each linked when it has a URL. */
export function renderTalks(section: TalksSection, context: LatexContext): string {
  return section.items
    .map((item, index) => {
      const title = context.link(item.url, `\\emph{${context.rich(item.title)}}`);
      const location = context.link(item.locationUrl, context.rich(item.location));
      return numbered(index, joinPresent([title, location], '~---~'), context.rich(item.year));
    })
    .join('\n');
}

/** owner/name | ★ stars | *description* [www] */
export function renderRepos(section: ReposSection, context: LatexContext): string {
  return section.items
    .map((item, index) => {
      context.at(item.position);
      const name = context.link(item.url, context.text(item.name));
      const stars =
        item.stars === undefined ? '' : `\\ensuremath{\\bigstar}\\,${formatStarCount(item.stars)}`;
      const description = isPresent(item.description) ? `\\emph{${context.rich(item.description)}}` : '';
      const homepage = item.homepage === undefined ? '' : `\\vitapill{${context.link(item.homepage, 'www')}}`;
      const body = joinPresent([joinPresent([name, stars, description], ' \\textbar{} '), homepage], ' ');
      return numbered(index, body, context.rich(item.year));
    })
    .join('\n');
}
