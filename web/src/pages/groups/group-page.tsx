import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { api, Problem, readPath } from '../../api/http';
import { GroupDetail } from '../../api/group-types';
import { lookUpRegions } from '../../api/reference';
import { Region } from '../../api/types';
import { t } from '../../i18n/i18n';
import { LiveIndicator } from '../../live/live-indicator';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { placeName } from '../../ui/format';
import { Page } from '../../ui/page';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { GroupDrafts } from './group-drafts';
import { GroupFeed } from './group-feed';
import { GroupMembers } from './group-members';
import { GroupReports } from './group-reports';
import { FacilitatorGroupActions, MembershipActions } from './group-actions';
import { useGroupRead } from './use-group-reads';
import { useLiveGroup } from './use-live-group';

/** One group: its public facts and feed for everyone; members, drafts and reports for its insiders, live. */
export default function GroupPage() {
  const { params } = useRoute();
  const me = useSession();
  const [first, setFirst] = useState<GroupDetail | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const actor = me.status === 'signed_in' ? me.actorId : undefined;

  useEffect(() => {
    if (me.status === 'restoring') return;
    setProblem(undefined);
    api<GroupDetail>(readPath(`/api/groups/${params.id}`))
      .then(setFirst)
      .catch((error) => setProblem(problemOf(error)));
  }, [params.id, actor, me.status]);

  if (problem)
    return (
      <Page title={t('group.notFoundTitle')}>
        <ProblemAlert problem={problem} />
        <p>
          <a href={paths.groups}>{t('group.backToList')}</a>
        </p>
      </Page>
    );
  if (!first)
    return (
      <Page title={t('group.loadingTitle')}>
        <p role="status">{t('common.loading')}</p>
      </Page>
    );
  return <LiveGroup key={`${first.group.id}-${actor ?? ''}`} first={first} />;
}

function LiveGroup({ first }: { first: GroupDetail }) {
  const me = useSession();
  const signed = me.status === 'signed_in' ? me : undefined;
  const id = first.group.id;
  const [insider, setInsider] = useState(first.group.insider);
  const { position, status, moveTo } = useLiveGroup(id, first.position, insider);
  const group = (useGroupRead<GroupDetail>(`/api/groups/${id}`, position) ?? first).group;
  const [region, setRegion] = useState<Region | undefined>();
  useEffect(() => setInsider(group.insider), [group.insider]);
  useEffect(() => {
    lookUpRegions([group.regionCode])
      .then((found) => setRegion(found.get(group.regionCode)))
      .catch(() => undefined);
  }, [group.regionCode]);

  const facilitator = insider && signed?.role === 'facilitator';
  const lead = facilitator || group.membership === 'coordinator';
  const member = group.membership === 'member' || group.membership === 'coordinator';
  const active = group.status === 'active';
  return (
    <Page title={group.name} wide>
      {status && <LiveIndicator status={status} />}
      <dl class="facts group-facts">
        <dt>{t('group.statusLabel')}</dt>
        <dd>{t(`group.status.${group.status}`)}</dd>
        <dt>{t('group.regionLabel')}</dt>
        <dd>{placeName(region, group.regionCode)}</dd>
        <dt>{t('group.membersLabel')}</dt>
        <dd class="group-member-count">{t('group.memberCount', { count: group.memberCount })}</dd>
        <dt>{t('group.joinPolicyLabel')}</dt>
        <dd>{t(`group.joinPolicy.${group.joinPolicy}`)}</dd>
        <dt>{t('group.thresholdLabel')}</dt>
        <dd>{group.signatureThreshold}</dd>
      </dl>
      {group.description && <p>{group.description}</p>}
      {group.dissolvedReason && (
        <p class="note">{t('group.dissolvedNote', { reason: group.dissolvedReason })}</p>
      )}
      {signed?.role === 'citizen' && active && <MembershipActions group={group} done={moveTo} />}
      {facilitator && group.status !== 'dissolved' && <FacilitatorGroupActions group={group} done={moveTo} />}
      {!signed && (
        <p class="note">
          <a href={`${paths.signIn}?lanjut=${encodeURIComponent(paths.group(id))}`}>
            {t('group.signInToJoin')}
          </a>
        </p>
      )}
      {insider && <GroupMembers groupId={id} position={position} lead={lead && active} done={moveTo} />}
      {insider && <GroupDrafts group={group} position={position} member={member && active} done={moveTo} />}
      {insider && <GroupReports group={group} position={position} member={member && active} done={moveTo} />}
      <GroupFeed groupId={id} position={position} />
    </Page>
  );
}
