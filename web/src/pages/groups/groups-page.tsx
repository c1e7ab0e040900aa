import { useEffect, useState } from 'preact/hooks';
import { api, readPath } from '../../api/http';
import { GroupSummary, OwnMembership } from '../../api/group-types';
import { Paged } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { Page } from '../../ui/page';
import { MoreButton } from '../../ui/more-button';
import { ProblemAlert } from '../../ui/problem';
import { RegionPicker } from '../../ui/region-picker';
import { usePagedList } from '../../ui/use-paged-list';
import { FoundGroupForm } from './found-group-form';
import { GroupList } from './group-list';

/** Every group (by region), the signed-in person's own groups, and the form to found or propose one. */
export default function GroupsPage() {
  const me = useSession();
  const [region, setRegion] = useState('');
  const [mine, setMine] = useState<OwnMembership[] | undefined>();
  const signed = me.status === 'signed_in' ? me : undefined;

  const query = new URLSearchParams({ limit: '50' });
  if (region !== '') query.set('region', region);
  // Which groups are listed depends on who asks: wait until the session is known.
  const groups = usePagedList<GroupSummary>(
    me.status === 'restoring' ? undefined : `/api/groups?${query}`,
    signed?.actorId,
  );
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
        <ProblemAlert problem={groups.problem} />
        {groups.items ? <GroupList items={groups.items} /> : <p role="status">{t('common.loading')}</p>}
        <MoreButton more={groups.more} busy={groups.loading} />
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
