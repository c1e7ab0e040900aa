import { ComponentChildren } from 'preact';
import { t } from '../../i18n/i18n';
import { BarChart } from './bar-chart';
import { byCountDescending, formatCount } from './statistics-format';

/** The chart shows the largest few; the table below it has every one. */
const CHART_ROWS = 12;

interface Props {
  readonly id: string;
  readonly title: string;
  readonly hint?: string;
  readonly column: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly label: (key: string) => string;
  /** What the row header shows: the label, or a link that breaks it down further. */
  readonly header?: (key: string) => ComponentChildren;
}

/** Aspirations counted by one dimension (region, category, status): a bar chart and its table. */
export function CountChart({ id, title, hint, column, counts, label, header }: Props) {
  const rows = byCountDescending(counts);
  return (
    <section class="chart-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {hint && <p class="hint">{hint}</p>}
      {rows.length === 0 ? (
        <p>{t('stats.none')}</p>
      ) : (
        <>
          <BarChart
            bars={rows
              .slice(0, CHART_ROWS)
              .map(([key, count]) => ({ key, label: label(key), value: count, text: formatCount(count) }))}
          />
          <table class="data-table" data-table={id}>
            <caption>{t('stats.tableOf', { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{column}</th>
                <th scope="col" class="number">
                  {t('stats.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([key, count]) => (
                <tr key={key}>
                  <th scope="row">{header ? header(key) : label(key)}</th>
                  <td class="number">{formatCount(count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
