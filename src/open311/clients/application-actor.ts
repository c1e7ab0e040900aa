import { Actor } from '../../platform/domain/decider';

const PREFIX = 'open311-client:';

/**
 * Who a submission is from when no registered person is named: the client application itself, speaking as a
 * citizen does (the only role that files aspirations for itself) under an id no account can have.
 */
export const applicationActor = (clientId: string): Actor => ({
  id: `${PREFIX}${clientId}`,
  role: 'citizen',
});
