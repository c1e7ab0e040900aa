import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { api, Problem, readPath } from '../../api/http';
import { loadAgencyNames, lookUpRegions } from '../../api/reference';
import { Region } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { categoryLabel, placeName, statusLabel } from '../../ui/format';
import { Page } from '../../ui/page';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { AgencyCharts } from './agency-charts';
import { CountChart } from './count-chart';
import { DRILLABLE, Statistics } from './statistics-format';
import './statistics.css';

/** '62.06.02' → ['62', '62.06']: the regions above a code, from the top. */
const above = (code: string | undefined): string[] =>
  code
    ? code
        .split('.')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('.'))
    : [];

const drillPath = (code: string) => `${paths.statistics}?wilayah=${encodeURIComponent(code)}`;

/** Public statistics: how agencies answer, and where and about what citizens write; each chart with its table. */
export default function StatisticsPage() {
  const { query } = useLocation();
  const region = DRILLABLE.test(query.wilayah ?? '') ? query.wilayah : undefined;
  const [stats, setStats] = useState<Statistics | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [regions, setRegions] = useState<ReadonlyMap<string, Region>>(new Map());
  const [agencies, setAgencies] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    loadAgencyNames()
      .then(setAgencies)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    setProblem(undefined);
    const search = region ? `?region=${encodeURIComponent(region)}` : '';
    api<Statistics>(readPath(`/api/statistics${search}`), { anonymous: true })
      .then((found) => {
        setStats(found);
        return lookUpRegions([...Object.keys(found.byRegion), ...above(region), ...(region ? [region] : [])]);
      })
      .then(setRegions)
      .catch((error) => setProblem(problemOf(error)));
  }, [region]);

  // Without a region the API counts provinces and regencies alike: the regencies say more to a local reader.
  const byRegion = Object.fromEntries(
    Object.entries(stats?.byRegion ?? {}).filter(([code]) => region || code.split('.').length === 2),
  );
  const regionName = (code: string) => placeName(regions.get(code), code);
  return (
    <Page title={t('stats.title')} wide>
      <p class="lead">{t('stats.lead')}</p>
      <ProblemAlert problem={problem} />
      {!stats && !problem && <p role="status">{t('common.loading')}</p>}
      {stats && (
        <>
          <AgencyCharts agencies={stats.agencies} names={agencies} />
          <nav class="breadcrumbs" aria-label={t('stats.regionPath')}>
            <ol>
              <li>
                {region ? <a href={paths.statistics}>{t('stats.allRegions')}</a> : t('stats.allRegions')}
              </li>
              {above(region).map((code) => (
                <li key={code}>
                  <a href={drillPath(code)}>{regions.get(code)?.name ?? code}</a>
                </li>
              ))}
              {region && <li aria-current="page">{regions.get(region)?.name ?? region}</li>}
            </ol>
          </nav>
          <CountChart
            id="regions"
            title={region ? t('stats.byRegionIn', { place: regionName(region) }) : t('stats.byRegion')}
            hint={t('stats.byRegionHint')}
            column={t('stats.region')}
            counts={byRegion}
            label={regionName}
            header={(code) =>
              DRILLABLE.test(code) ? <a href={drillPath(code)}>{regionName(code)}</a> : regionName(code)
            }
          />
          <CountChart
            id="categories"
            title={t('stats.byCategory')}
            column={t('stats.category')}
            counts={stats.byCategory}
            label={(code) => categoryLabel(code)}
          />
          <CountChart
            id="statuses"
            title={t('stats.byStatus')}
            column={t('stats.status')}
            counts={stats.byStatus}
            label={statusLabel}
          />
        </>
      )}
    </Page>
  );
}
