// Turns a measured figure into a result row: its ratio to the baseline and whether its target was met. Pure.
import { Target } from './targets';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same quantity measured in the same run without the thing under test. */
  readonly baseline?: { readonly name: string; readonly value: number };
  readonly target?: Target;
  readonly note?: string;
}

export type Status = 'met' | 'missed' | 'info';

export interface Row extends Figure {
  /** value / baseline, when there is a baseline. */
  readonly ratio: number | null;
  /** The target's bound in the figure's own unit (ratio targets: ratio × baseline), for charts. */
  readonly bound: number | null;
  readonly status: Status;
}

function boundOf(target: Target, baseline: number | undefined): number | null {
  if (target.kind === 'value') return target.value;
  return baseline === undefined ? null : target.ratio * baseline;
}

/** Without a target a figure is for information; a target that cannot be checked (no figure, no baseline) is missed. */
function statusOf(figure: Figure, bound: number | null): Status {
  if (!figure.target) return 'info';
  if (bound === null || !Number.isFinite(figure.value)) return 'missed';
  const met = figure.target.at === 'least' ? figure.value >= bound : figure.value <= bound;
  return met ? 'met' : 'missed';
}

export function evaluate(figure: Figure): Row {
  const base = figure.baseline?.value;
  const ratio = base === undefined || base === 0 ? null : figure.value / base;
  const bound = figure.target ? boundOf(figure.target, base) : null;
  return { ...figure, ratio, bound, status: statusOf(figure, bound) };
}
