import { allowed, everyone, refused, withToken } from '../outcomes';
import { HttpRow, World } from '../row';

// Rules: @Public on every read of src/audit/audit.controller.ts; signing on demand checks the role itself.

const PROOF = "public: a leaf names an event's stream, revision, position and hash, never its content";

const publicAudit = (
  path: string,
  note: string,
  concrete: (world: World) => Promise<string> = async () => path,
  situation?: string,
): HttpRow => ({
  kind: 'http',
  method: 'GET',
  path,
  ...(situation && { situation }),
  outcomes: everyone(allowed(200)),
  note,
  attempt: async (world) => ({ path: await concrete(world) }),
});

const auditorsOnly = refused(403, 'auditors_only', 'only auditors and admins ask for a checkpoint');
const unseenLeaf = refused(404, 'event_not_in_tree', 'the event is on a stream this caller may not see');

export const auditRows: readonly HttpRow[] = [
  publicAudit('/api/audit/public-key', 'public: whoever keeps a checkpoint checks its signature with it'),
  publicAudit('/api/audit/checkpoints', 'public: signed tree heads, for auditors and witnesses to keep'),
  publicAudit(
    '/api/audit/checkpoints/latest',
    'public: signed tree heads, for auditors and witnesses to keep',
    async (world) => {
      await world.checkpoint();
      return '/api/audit/checkpoints/latest';
    },
    'after a checkpoint was signed',
  ),
  publicAudit(
    '/api/audit/checkpoints/{treeSize}',
    'public: signed tree heads, for auditors and witnesses to keep',
    async (world) => `/api/audit/checkpoints/${(await world.checkpoint()).treeSize}`,
    'a signed checkpoint',
  ),
  {
    kind: 'http',
    method: 'POST',
    path: '/api/audit/checkpoints',
    situation: 'the log grew since the latest checkpoint',
    outcomes: withToken({
      submitter: auditorsOnly,
      citizen: auditorsOnly,
      facilitator: auditorsOnly,
      otherFacilitator: auditorsOnly,
      official: auditorsOnly,
      otherOfficial: auditorsOnly,
      auditor: allowed(201),
      admin: allowed(201),
    }),
    async attempt(world) {
      await world.logGrown();
      return { path: '/api/audit/checkpoints' };
    },
  },
  {
    kind: 'http',
    method: 'GET',
    path: '/api/audit/proofs/inclusion',
    situation: 'an event of an unverified aspiration that a signed checkpoint covers',
    outcomes: {
      ...everyone(unseenLeaf),
      submitter: allowed(200),
      facilitator: allowed(200),
      auditor: allowed(200),
      admin: allowed(200),
    },
    note: `${PROOF}; a leaf of a stream the caller may not see answers as none, so positions cannot list private streams`,
    attempt: async (world) => {
      const { treeSize, position } = await world.checkpoint();
      return { path: `/api/audit/proofs/inclusion?position=${position}&treeSize=${treeSize}` };
    },
  },
  publicAudit(
    '/api/audit/proofs/consistency',
    'public: proves that the log extends a checkpoint someone kept',
    async (world) => `/api/audit/proofs/consistency?from=1&to=${(await world.checkpoint()).treeSize}`,
    'up to a signed checkpoint',
  ),
];
