// The benchmark harness's pure parts: percentiles, target evaluation, tables and the SVG chart.
import { evaluate } from '../../bench/support/evaluate';
import { percentile } from '../../bench/support/stats';
import { barChart } from '../../bench/support/svg-chart';
import { formatNumber, formatTable } from '../../bench/support/table';
import { TARGETS } from '../../bench/support/targets';

describe('percentile', () => {
  it('takes the nearest rank, whatever the order of the samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('evaluate', () => {
  const baseline = { name: 'bare', value: 200 };

  it('meets an at-least ratio target at the bound and misses below it', () => {
    const met = evaluate({
      name: 'x',
      value: 100,
      unit: 'req/s',
      baseline,
      target: TARGETS.submitThroughput,
    });
    expect(met).toMatchObject({ ratio: 0.5, bound: 100, status: 'met' });
    const missed = evaluate({
      name: 'x',
      value: 99,
      unit: 'req/s',
      baseline,
      target: TARGETS.submitThroughput,
    });
    expect(missed.status).toBe('missed');
  });

  it('checks an at-most ratio target against the baseline', () => {
    const live = (value: number) =>
      evaluate({ name: 'p99', value, unit: 'ms', baseline, target: TARGETS.liveP99 });
    expect(live(260).status).toBe('met');
    expect(live(261).status).toBe('missed');
  });

  it('checks an absolute target without a baseline', () => {
    const start = (value: number) => evaluate({ name: 'start', value, unit: 's', target: TARGETS.coldStart });
    expect(start(4.9)).toMatchObject({ ratio: null, bound: 5, status: 'met' });
    expect(start(5.1).status).toBe('missed');
  });

  it('counts a figure without a target as information, and a target it cannot check as missed', () => {
    expect(evaluate({ name: 'x', value: 1, unit: 'ms', baseline }).status).toBe('info');
    expect(evaluate({ name: 'x', value: 1, unit: 'ms', target: TARGETS.readAtScale }).status).toBe('missed');
    expect(evaluate({ name: 'x', value: NaN, unit: 'ms', target: TARGETS.coldStart }).status).toBe('missed');
  });
});

describe('formatTable and formatNumber', () => {
  it('aligns the first column left and the others right', () => {
    expect(
      formatTable(
        ['name', 'n'],
        [
          ['ab', '1'],
          ['c', '200'],
        ],
      ),
    ).toBe('name    n\n----  ---\nab      1\nc     200');
  });

  it('keeps about three significant figures, grouped by thousands', () => {
    expect([12345.6, 42.25, 3.14159, 0.01234, NaN].map(formatNumber)).toEqual([
      '12,346',
      '42.3',
      '3.14',
      '0.012',
      '–',
    ]);
  });
});

describe('barChart', () => {
  const rows = [
    evaluate({
      name: 'a <b> & "c"',
      value: 50,
      unit: 'ms',
      baseline: { name: 'bare', value: 40 },
      target: TARGETS.liveP99,
    }),
    evaluate({ name: 'plain', value: 3, unit: 'MB' }),
  ];
  const svg = barChart('Title', rows);

  it('is one SVG document whose text is escaped', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).not.toContain('<b>');
  });

  it('draws each figure, its baseline and the target line', () => {
    expect(svg.match(/<rect x="330"/g)).toHaveLength(3);
    // One dashed line in the legend, one for the only row with a target.
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(2);
    expect(svg).toContain('baseline: bare');
    expect(svg).toContain('50.0 ms');
  });
});
