export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** The value as people read it: "2 jam 15 menit", "75%". */
  readonly text: string;
}

const WIDTH = 340;
const ROW = 42;
const LABEL_MAX = 44;
/** Room kept right of the longest bar for its value. */
const VALUE_ROOM = 96;

const shorten = (label: string) => (label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label);

/**
 * Horizontal bars drawn as SVG by hand: a few hundred bytes instead of a chart library, sharp on any screen, and
 * the same colours as the rest of the app. The figures are also in the table that follows each chart, which is
 * what screen readers read: the drawing itself is hidden from them.
 */
export function BarChart({ bars, max }: { bars: readonly Bar[]; max?: number }) {
  const top = max ?? Math.max(...bars.map((bar) => bar.value), 0);
  const height = bars.length * ROW + 4;
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
      data-bars={bars.length}
    >
      {bars.map((bar, i) => {
        const y = i * ROW;
        const length = top > 0 ? Math.max(2, ((WIDTH - VALUE_ROOM) * bar.value) / top) : 2;
        return (
          <g key={bar.key} class="bar">
            <text x="0" y={y + 14} class="bar-label">
              {shorten(bar.label)}
            </text>
            <rect x="0" y={y + 20} width={length} height="16" rx="2" class="bar-fill" />
            <text x={length + 6} y={y + 33} class="bar-value">
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
