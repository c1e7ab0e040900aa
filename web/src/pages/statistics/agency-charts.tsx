import { t } from '../../i18n/i18n';
import { BarChart } from './bar-chart';
import { formatCount, formatMinutes, formatShare, Statistics } from './statistics-format';

type Agencies = Statistics['agencies'];

/** How fast each agency answers first, and how often within the deadline: two charts, one table for both. */
export function AgencyCharts({
  agencies,
  names,
}: {
  agencies: Agencies;
  names: ReadonlyMap<string, string>;
}) {
  const name = (id: string) => names.get(id) ?? id;
  const timed = agencies
    .filter((a) => a.medianFirstResponseMinutes !== null)
    .sort((a, b) => a.medianFirstResponseMinutes! - b.medianFirstResponseMinutes!);
  const shared = agencies
    .filter((a) => a.answeredWithinDeadlineShare !== null)
    .sort((a, b) => b.answeredWithinDeadlineShare! - a.answeredWithinDeadlineShare!);
  return (
    <section class="chart-section" aria-labelledby="agencies-title">
      <h2 id="agencies-title">{t('stats.agenciesTitle')}</h2>
      {agencies.length === 0 ? (
        <p>{t('stats.noAnswers')}</p>
      ) : (
        <>
          <h3>{t('stats.responseTime')}</h3>
          <p class="hint">{t('stats.responseTimeHint')}</p>
          <BarChart
            bars={timed.map((a) => ({
              key: a.agencyId,
              label: name(a.agencyId),
              value: a.medianFirstResponseMinutes!,
              text: formatMinutes(a.medianFirstResponseMinutes!),
            }))}
          />
          <h3>{t('stats.inTime')}</h3>
          <p class="hint">{t('stats.inTimeHint')}</p>
          <BarChart
            max={1}
            bars={shared.map((a) => ({
              key: a.agencyId,
              label: name(a.agencyId),
              value: a.answeredWithinDeadlineShare!,
              text: formatShare(a.answeredWithinDeadlineShare!),
            }))}
          />
          <table class="data-table" data-table="agencies">
            <caption>{t('stats.agenciesTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.agency')}</th>
                <th scope="col" class="number">
                  {t('stats.answered')}
                </th>
                <th scope="col" class="number">
                  {t('stats.medianColumn')}
                </th>
                <th scope="col" class="number">
                  {t('stats.inTimeColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {timed.map((a) => (
                <tr key={a.agencyId}>
                  <th scope="row">{name(a.agencyId)}</th>
                  <td class="number">{formatCount(a.answered)}</td>
                  <td class="number">{formatMinutes(a.medianFirstResponseMinutes!)}</td>
                  <td class="number">
                    {a.answeredWithinDeadlineShare === null
                      ? '–'
                      : formatShare(a.answeredWithinDeadlineShare)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
