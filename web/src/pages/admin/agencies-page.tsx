import { useEffect, useState } from 'preact/hooks';
import { loadAgencies } from '../../api/reference';
import { Agency } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { categoryLabel } from '../../ui/format';
import { StaffGate } from '../../ui/staff-gate';
import { RegisterAgencyForm } from './register-agency-form';
import '../../ui/staff.css';

/** The agencies (OPD) aspirations are routed to: the list, and a form to register another. */
export default function AgenciesPage() {
  return (
    <StaffGate title={t('agencies.title')} kinds={['admin']} path={paths.agencies} wide>
      {() => <Agencies />}
    </StaffGate>
  );
}

function Agencies() {
  const [agencies, setAgencies] = useState<Agency[] | undefined>();
  const [version, setVersion] = useState(0);
  const [added, setAdded] = useState('');
  useEffect(() => {
    loadAgencies()
      .then(setAgencies)
      .catch(() => setAgencies([]));
  }, [version]);
  const names = new Map((agencies ?? []).map((agency) => [agency.agencyId, agency.name]));
  return (
    <>
      <p class="lead">{t('agencies.lead')}</p>
      <p class="muted" role="status" aria-live="polite">
        {added && `${t('agencies.registered', { id: added })} `}
        {agencies === undefined ? t('common.loading') : t('agencies.count', { count: agencies.length })}
      </p>
      {agencies && agencies.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('agencies.listLabel')}>
          <table class="data-table">
            <caption class="visually-hidden">{t('agencies.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agencies.name')}</th>
                <th scope="col">{t('agencies.id')}</th>
                <th scope="col">{t('agencies.region')}</th>
                <th scope="col">{t('agencies.parent')}</th>
                <th scope="col">{t('agencies.categories')}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((agency) => (
                <tr key={agency.agencyId} data-agency-id={agency.agencyId}>
                  <th scope="row">{agency.name}</th>
                  <td>
                    <code>{agency.agencyId}</code>
                  </td>
                  <td>{agency.regionCode}</td>
                  <td>
                    {agency.parentAgencyId
                      ? (names.get(agency.parentAgencyId) ?? agency.parentAgencyId)
                      : '—'}
                  </td>
                  <td>{agency.categories.map((code) => categoryLabel(code)).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RegisterAgencyForm
        registered={(agencyId) => {
          setAdded(agencyId);
          setVersion((v) => v + 1);
        }}
      />
    </>
  );
}
