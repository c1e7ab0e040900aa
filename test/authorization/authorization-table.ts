import { Row } from './row';
import { accountRows } from './rows/accounts';
import { agencyCommandRows } from './rows/agency-commands';
import { aspirationCommandRows } from './rows/aspiration-commands';
import { auditRows } from './rows/audit';
import { auditHistoryRows } from './rows/audit-history';
import { announcementRows } from './rows/announcements';
import { groupRows } from './rows/groups';
import { liveRows } from './rows/live';
import { notificationRows } from './rows/notifications';
import { open311ClientRows } from './rows/open311-clients';
import { readRows } from './rows/reads';
import { roleRows } from './rows/roles';

/**
 * Who may do what: every HTTP operation of the OpenAPI document and every /live message and topic kind, in
 * the situations that change the answer, for every caller. The one source of docs/security.md's table
 * (`npm run docs:authorization`) and of the walk that checks it against the real app (test/authorization.e2e.ts).
 * A new route or topic is one row here; the walk fails until it has one.
 */
export const AUTHORIZATION_TABLE: readonly Row[] = [
  ...aspirationCommandRows,
  ...agencyCommandRows,
  ...readRows,
  ...groupRows,
  ...announcementRows,
  ...auditHistoryRows,
  ...accountRows,
  ...roleRows,
  ...auditRows,
  ...liveRows,
  ...notificationRows,
  ...open311ClientRows,
];
