import { Member } from '../../api/group-types';
import { t } from '../../i18n/i18n';
import { CommandButton } from './group-actions';
import { MoreButton } from '../../ui/more-button';
import { useGroupPages } from './use-group-pages';

interface Props {
  readonly groupId: string;
  readonly position: string;
  /** A coordinator or the region's facilitator: decides join requests and appoints coordinators. */
  readonly lead: boolean;
  readonly done: (position: string | null) => void;
}

const nameOf = (member: Member): string => member.displayName ?? t('group.unnamedMember');

/** The members by the names they go by, and for the group's leads the requests to join. */
export function GroupMembers({ groupId, position, lead, done }: Props) {
  const base = `/api/groups/${groupId}`;
  const members = useGroupPages<Member>(`${base}/members`, position);
  const requests = useGroupPages<Member>(lead ? `${base}/members?status=requested` : undefined, position);
  return (
    <section aria-labelledby="members-title" class="group-members">
      <h2 id="members-title">{t('group.membersLabel')}</h2>
      {requests && requests.items.length > 0 && (
        <>
          <h3>{t('group.requestsTitle')}</h3>
          <ul class="group-requests">
            {requests.items.map((person) => (
              <li key={person.memberKey} id={`request-${person.memberKey}`}>
                <span>{nameOf(person)}</span>{' '}
                <CommandButton
                  path={`${base}/join-requests/${person.memberKey}/approve`}
                  label={t('group.approveRequest', { name: nameOf(person) })}
                  done={done}
                />{' '}
                <CommandButton
                  path={`${base}/join-requests/${person.memberKey}/decline`}
                  label={t('group.declineRequest', { name: nameOf(person) })}
                  done={done}
                  secondary
                />
              </li>
            ))}
          </ul>
          <MoreButton more={requests.more} />
        </>
      )}
      {members ? (
        <>
          <ul class="group-member-list">
            {members.items.map((person) => (
              <li key={person.memberKey}>
                <span>{nameOf(person)}</span>
                {person.coordinator && <span class="badge">{t('group.role.coordinator')}</span>}{' '}
                {lead && (
                  <CommandButton
                    path={`${base}/coordinators/${person.memberKey}`}
                    method={person.coordinator ? 'DELETE' : 'POST'}
                    label={t(person.coordinator ? 'group.removeCoordinator' : 'group.appointCoordinator', {
                      name: nameOf(person),
                    })}
                    done={done}
                    secondary
                  />
                )}
              </li>
            ))}
          </ul>
          <MoreButton more={members.more} />
        </>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
    </section>
  );
}
