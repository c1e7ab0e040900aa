import { allowed, everyone, Outcomes, refused } from '../outcomes';
import { GROUP_SITUATIONS, LiveRow, Situation, SITUATIONS } from '../row';
import { byVisibility, READ_SITUATIONS, ReadSituation } from './visibility';

// Rules: TopicAccess (src/live/topic-access.ts), which applies the rule of the read route behind each topic
// (a facilitator of another region joins the inbox room of their own region), and LiveGateway.reauthenticate.
// Refusals on /live are acknowledgements with a code and no HTTP status.

const OK = allowed();
const PUBLISHED_ONLY = 'public: carries published threads only';

const subscribe = (
  topic: string,
  outcomes: Outcomes,
  payload: LiveRow['attempt'],
  situation?: Situation,
): LiveRow => ({
  kind: 'live',
  message: 'subscribe',
  topic,
  ...(situation && { situation: SITUATIONS[situation] }),
  outcomes,
  attempt: payload,
});

const threadTopic = (situation: ReadSituation): LiveRow => {
  const unseen = refused(undefined, 'aspiration_not_found', 'may not see it: answered as for no aspiration');
  return subscribe(
    'aspiration:<id>',
    byVisibility(situation, OK, unseen),
    async (world) => {
      const aspiration = await world.aspiration(situation);
      return { topic: `aspiration:${aspiration.id}`, since: aspiration.position };
    },
    situation,
  );
};

const inboxNotYours = refused(
  undefined,
  'inbox_not_yours',
  'only officials of that agency, facilitators and auditors follow an inbox',
);

export const liveRows: readonly LiveRow[] = [
  { ...subscribe('feed', everyone(OK), async () => ({ topic: 'feed' })), note: PUBLISHED_ONLY },
  {
    ...subscribe('region:<code>', everyone(OK), async () => ({ topic: 'region:62.06' })),
    note: PUBLISHED_ONLY,
  },
  {
    ...subscribe(
      'agency:<id>',
      {
        anonymous: inboxNotYours,
        submitter: inboxNotYours,
        citizen: inboxNotYours,
        facilitator: OK,
        otherFacilitator: OK,
        official: OK,
        otherOfficial: inboxNotYours,
        auditor: OK,
        admin: inboxNotYours,
      },
      async (world) => ({ topic: `agency:${world.agencyA}` }),
    ),
    note: "a facilitator bound to a region gets that region's items only",
  },
  ...READ_SITUATIONS.map(threadTopic),
  {
    ...subscribe(
      'group:<id>',
      {
        ...everyone(
          refused(undefined, 'members_only', 'only its members and the facilitators of its region follow it'),
        ),
        submitter: OK,
        facilitator: OK,
      },
      async (world) => {
        const group = await world.group('open');
        return { topic: `group:${group.id}`, since: group.position };
      },
    ),
    situation: GROUP_SITUATIONS.open,
    note: 'a member who leaves is unsubscribed (`access_changed`)',
  },
  {
    kind: 'live',
    message: 'unsubscribe',
    outcomes: everyone(OK),
    note: "ends only the connection's own subscription",
    attempt: async () => ({ topic: 'feed' }),
  },
  {
    kind: 'live',
    message: 'reauthenticate',
    situation: 'a valid token for the same actor',
    outcomes: {
      ...everyone(OK),
      anonymous: refused(undefined, 'not_authenticated', 'a connection without a token has nothing to renew'),
    },
    // Anonymous offers someone's valid token: it still has no actor of its own to renew.
    attempt: async (world, role) => ({ token: world.tokenOf(role) ?? world.tokenOf('citizen') }),
  },
];
