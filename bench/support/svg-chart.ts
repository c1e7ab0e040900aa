// A small hand-written SVG bar chart of result rows: each figure next to its baseline, on its own scale (rows mix
// units), with the target's bound as a dashed line. Pure: rows in, SVG text out.
import { Row, Status } from './evaluate';
import { formatNumber } from './table';

const WIDTH = 860;
const LABEL = 330;
const BARS = 330;
const BAR = 14;
const GAP = 14;
const TOP = 44;
const COLOURS: Record<Status, string> = { met: '#2e7d32', missed: '#c62828', info: '#1565c0' };
const BASELINE = '#9e9e9e';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const text = (x: number, y: number, content: string, attrs = '') =>
  `<text x="${x}" y="${y}"${attrs ? ' ' + attrs : ''}>${escape(content)}</text>`;

const ratioText = (row: Row) => (row.ratio === null ? '' : `  ×${formatNumber(row.ratio)}`);
const statusText = (row: Row) => (row.status === 'info' ? '' : `  ${row.status}`);

/** The height one row takes: its bar, its baseline's bar if any, and the gap below. */
const heightOf = (row: Row) => BAR + (row.baseline ? BAR + 4 : 0) + GAP + 14;

function rowSvg(row: Row, y: number): string {
  const scale = Math.max(row.value, row.baseline?.value ?? 0, row.bound ?? 0) * 1.1 || 1;
  const width = (value: number) => (Number.isFinite(value) ? Math.max(1, (value / scale) * BARS) : 0);
  const parts = [
    text(8, y + 11, row.name, 'font-weight="bold"'),
    row.target ? text(LABEL, y + 11, row.target.text, 'fill="#616161" font-size="10"') : '',
    text(
      LABEL + BARS + 8,
      y + 11,
      `${ratioText(row)}${statusText(row)}`.trim(),
      `fill="${COLOURS[row.status]}"`,
    ),
  ];
  let barY = y + 16;
  const bar = (value: number, colour: string, label: string) => {
    parts.push(
      `<rect x="${LABEL}" y="${barY}" width="${width(value).toFixed(1)}" height="${BAR}" fill="${colour}"/>`,
      text(8, barY + 11, label.length > 52 ? `${label.slice(0, 51)}…` : label, 'fill="#424242"'),
      text(LABEL + width(value) + 4, barY + 11, `${formatNumber(value)} ${row.unit}`),
    );
    barY += BAR + 4;
  };
  bar(row.value, COLOURS[row.status], 'measured');
  if (row.baseline) bar(row.baseline.value, BASELINE, `baseline: ${row.baseline.name}`);
  if (row.bound !== null && row.target) {
    const x = LABEL + width(row.bound);
    parts.push(
      `<line x1="${x.toFixed(1)}" y1="${y + 14}" x2="${x.toFixed(1)}" y2="${barY}" stroke="#000" stroke-dasharray="3,2"/>`,
      `<title>${escape(row.target.text)}</title>`,
    );
  }
  return `<g>${parts.join('')}</g>`;
}

/** One chart for a benchmark (or the summary): a title, a legend, then every row. */
export function barChart(title: string, rows: readonly Row[]): string {
  let y = TOP;
  const body = rows.map((row) => {
    const svg = rowSvg(row, y);
    y += heightOf(row);
    return svg;
  });
  const height = y + 8;
  const legend = [
    `<rect x="8" y="26" width="10" height="10" fill="${COLOURS.met}"/>`,
    text(22, 35, 'target met'),
    `<rect x="100" y="26" width="10" height="10" fill="${COLOURS.missed}"/>`,
    text(114, 35, 'missed'),
    `<rect x="170" y="26" width="10" height="10" fill="${COLOURS.info}"/>`,
    text(184, 35, 'no target'),
    `<rect x="260" y="26" width="10" height="10" fill="${BASELINE}"/>`,
    text(274, 35, 'baseline (same run)'),
    `<line x1="420" y1="26" x2="420" y2="36" stroke="#000" stroke-dasharray="3,2"/>`,
    text(426, 35, 'target'),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
      `font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    text(8, 16, title, 'font-size="14" font-weight="bold"'),
    ...legend,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
