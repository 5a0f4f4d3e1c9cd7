/** A section of unknown shape: labelled groups of rows (bold title, date at the right, details below). */
import type { GenericRow, GenericSection } from '../../../model/cv.js';
import type { LatexContext } from '../context.js';
import { detailList, entry, isPresent, lines } from './shared.js';

const titleOnly = (row: GenericRow): boolean => row.details.length === 0 && !isPresent(row.date);

function renderRow(row: GenericRow, context: LatexContext): string {
  const details = row.details.map(
    (d) => `${d.label === null ? '' : `\\textbf{${context.text(d.label)}:} `}${context.rich(d.text)}`,
  );
  const head =
    isPresent(row.title) || isPresent(row.date)
      ? entry(
          isPresent(row.title) ? `\\textbf{${context.link(row.url, context.rich(row.title))}}` : '',
          context.rich(row.date),
        )
      : '';
  return lines(head, detailList(details));
}

export function renderGeneric(section: GenericSection, context: LatexContext): string {
  return section.groups
    .map((group) =>
      lines(
        group.label === null ? '' : `\\subsection{${context.rich(group.label)}}`,
        // A list of plain lines is a bulleted list; anything with dates or details is a run of entries.
        group.rows.every(titleOnly)
          ? detailList(group.rows.map((row) => context.link(row.url, context.rich(row.title))))
          : lines(...group.rows.map((row) => renderRow(row, context))),
      ),
    )
    .join('\n');
}
