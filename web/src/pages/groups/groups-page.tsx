import { useEffect, useState } from 'preact/hooks';
import { api, Problem, readPath } from '../../api/http';
import { GroupPage, OwnMembership, Paged } from '../../api/group-types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { Page } from '../../ui/page';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { RegionPicker } from '../../ui/region-picker';
import { FoundGroupForm } from './found-group-form';
import { GroupList } from './group-list';

/** Every group (by region), the signed-in person's own groups, and the form to found or propose one. */
export default function GroupsPage() {
  const me = useSession();
  const [region, setRegion] = useState('');
  const [groups, setGroups] = useState<GroupPage | undefined>();
  const [mine, setMine] = useState<OwnMembership[] | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const signed = me.status === 'signed_in' ? me : undefined;

  const load = (cursor?: string) => {
    const query = new URLSearchParams({ limit: '50' });
    if (region !== '') query.set('region', region);
    if (cursor) query.set('cursor', cursor);
    api<GroupPage>(readPath(`/api/groups?${query.toString()}`))
      .then((page) =>
        setGroups((shown) => (cursor && shown ? { ...page, items: [...shown.items, ...page.items] } : page)),
      )
      .catch((error) => setProblem(problemOf(error)));
  };
  useEffect(() => {
    if (me.status !== 'restoring') load();
  }, [region, me.status]);
  useEffect(() => {
    // Memberships are citizens'; staff have none to list.
    if (signed?.role !== 'citizen') return setMine(undefined);
    api<Paged<OwnMembership>>(readPath('/api/me/groups'))
      .then((page) => setMine(page.items))
      .catch(() => undefined);
  }, [signed?.actorId]);

  const founds = signed?.role === 'facilitator';
  return (
    <Page title={t('group.listTitle')}>
      <p class="lead">{t('group.listLead')}</p>
      {mine && (
        <section aria-labelledby="my-groups">
          <h2 id="my-groups">{t('group.mine')}</h2>
          {mine.length === 0 ? (
            <p class="muted">{t('group.mineNone')}</p>
          ) : (
            <ul>
              {mine.map((own) => (
                <li key={own.groupId}>
                  <a href={paths.group(own.groupId)}>{own.groupName}</a>{' '}
                  <span class="muted">
                    · {t(own.coordinator ? 'group.role.coordinator' : `group.role.${own.status}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="all-groups">
        <h2 id="all-groups">{t('group.all')}</h2>
        <RegionPicker
          id="groups-region"
          legend={t('group.filterRegion')}
          value={region}
          onChange={setRegion}
          emptyLabel={t('region.all')}
        />
        <ProblemAlert problem={problem} />
        {groups ? <GroupList items={groups.items} /> : <p role="status">{t('common.loading')}</p>}
        {groups?.nextCursor && (
          <button type="button" class="button button-secondary" onClick={() => load(groups.nextCursor!)}>
            {t('common.more')}
          </button>
        )}
      </section>
      {signed && (founds || signed.role === 'citizen') && (
        <FoundGroupForm founds={founds} within={founds ? signed.regionCode : undefined} />
      )}
      {!signed && me.status !== 'restoring' && (
        <p class="note">
          <a href={`${paths.signIn}?lanjut=${encodeURIComponent(paths.groups)}`}>{t('group.signInToJoin')}</a>
        </p>
      )}
    </Page>
  );
}
