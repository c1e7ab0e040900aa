import { FACILITATOR_REGIONS, Outcome, ROLE_HEADINGS, ROLES } from './outcomes';
import { operationOf, Row } from './row';

export const START_MARKER = '<!-- authorization-table:start -->';
export const END_MARKER = '<!-- authorization-table:end -->';

const LEGEND = [
  '"A" is the agency the row concerns (the one the aspiration is assigned to, or the one in the path or topic),',
  '"B" any other. "Submitter" is the citizen who submitted the aspiration; where no aspiration is involved, both',
  `citizens get the same. Every aspiration is in Katingan (\`${FACILITATOR_REGIONS.facilitator}\`), the region the "facilitator" is`,
  `bound to; the "facilitator of another region" is bound to Kotawaringin Barat (\`${FACILITATOR_REGIONS.otherFacilitator}\`). A number is the`,
  'HTTP status; on `/live`, `ok` is a successful acknowledgement and a code is the refusal it carries. Every `401`',
  'is `http_401` (no bearer token). The platform itself (`system`) has no column: no token can carry that role, so',
  'no route or topic accepts it. On group rows the group is in Kasongan Baru (Katingan): the "submitter" is its',
  'coordinator (or, for a proposal, its proposer) and the "other citizen" no member, unless the situation says',
  'otherwise.',
];

function cell(row: Row, outcome: Outcome): string {
  const listed = row.kind === 'http' && row.list;
  switch (outcome.kind) {
    case 'allowed':
      return `${outcome.status ?? 'ok'}${listed ? ', listed' : ''}`;
    case 'unlisted':
      return `${outcome.status}, not listed`;
    case 'refused':
      // Every 401 is the auth guard's (the legend says so); other refusals name their code.
      if (outcome.status === 401) return '401';
      return outcome.status === undefined ? `\`${outcome.code}\`` : `${outcome.status} \`${outcome.code}\``;
  }
}

/** The row's note, then each distinct reason once, 401s aside (the legend explains them). */
function reasons(row: Row): string {
  const seen = new Set<string>(row.note ? [row.note] : []);
  for (const role of ROLES) {
    const outcome = row.outcomes[role];
    if (outcome.kind === 'refused' && outcome.status !== 401) seen.add(`\`${outcome.code}\`: ${outcome.why}`);
    if (outcome.kind === 'unlisted') seen.add(`not listed: ${outcome.why}`);
  }
  return [...seen].join('; ');
}

/** As prettier prints a Markdown table: every column padded to its widest cell, at least three wide. */
function alignedTable(header: readonly string[], body: readonly (readonly string[])[]): string[] {
  const widths = header.map((_, column) =>
    Math.max(3, ...[header, ...body].map((cells) => [...cells[column]].length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((text, column) => text + ' '.repeat(widths[column] - [...text].length)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)];
}

/** The generated part of the section: legend and table. */
export function renderTable(rows: readonly Row[]): string {
  const header = ['operation', ...ROLES.map((role) => ROLE_HEADINGS[role]), 'why'];
  const body = rows.map((row) => [
    `\`${operationOf(row)}\`${row.situation ? ` (${row.situation})` : ''}`,
    ...ROLES.map((role) => cell(row, row.outcomes[role])),
    reasons(row),
  ]);
  return [...LEGEND, '', ...alignedTable(header, body)].join('\n');
}

/** The document with the text between its markers replaced by `generated`. */
export function withGeneratedSection(document: string, generated: string): string {
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`No ${START_MARKER} … ${END_MARKER} section`);
  return `${document.slice(0, start + START_MARKER.length)}\n\n${generated}\n\n${document.slice(end)}`;
}
