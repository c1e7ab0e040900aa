import { assertNever, CommandMetadata } from '../../platform/domain/decider';
import { EndorseAspiration, EndorsementCommand, WithdrawEndorsement } from './endorsement.commands';
import { endorsementErrors } from './endorsement.errors';
import { EndorsementEvent } from './endorsement.events';
import { EndorsementState } from './endorsement.state';

// Verified and every status after it: nothing is public before a facilitator verifies it.
const ENDORSABLE_STATUSES = ['verified', 'in_progress', 'resolved', 'closed'];

export function decide(command: EndorsementCommand, state: EndorsementState): EndorsementEvent[] {
  switch (command.type) {
    case 'EndorseAspiration':
      return endorseAspiration(command, state);
    case 'WithdrawEndorsement':
      return withdrawEndorsement(command, state);
    default:
      return assertNever(command);
  }
}

function endorseAspiration(
  { data, metadata }: EndorseAspiration,
  state: EndorsementState,
): EndorsementEvent[] {
  requireAspirationId(data.aspirationId);
  // The handler reads these facts from the aspiration's stream: the write side never reads read models.
  const { aspiration } = data;
  // Not found before any other refusal, as every command answers for an aspiration the caller cannot see.
  if (aspiration === null) throw endorsementErrors.aspirationNotFound();
  requireCitizen(metadata);
  if (aspiration.endorserIsSubmitter) throw endorsementErrors.ownAspiration();
  if (aspiration.visibility !== 'public') throw endorsementErrors.confidential();
  if (!ENDORSABLE_STATUSES.includes(aspiration.status)) throw endorsementErrors.notVerified();
  if (state.status === 'endorsed') throw endorsementErrors.alreadyEndorsed();
  const endorsedAt = metadata.now.toISOString();
  return [{ type: 'AspirationEndorsed', data: { aspirationId: data.aspirationId, endorsedAt } }];
}

function withdrawEndorsement(
  { data, metadata }: WithdrawEndorsement,
  state: EndorsementState,
): EndorsementEvent[] {
  requireCitizen(metadata);
  requireAspirationId(data.aspirationId);
  // Always allowed while endorsing, whatever became of the aspiration since.
  if (state.status !== 'endorsed') throw endorsementErrors.notEndorsed();
  const withdrawnAt = metadata.now.toISOString();
  return [{ type: 'EndorsementWithdrawn', data: { aspirationId: data.aspirationId, withdrawnAt } }];
}

function requireCitizen({ actor }: CommandMetadata): void {
  if (actor.role !== 'citizen') throw endorsementErrors.citizenOnly();
}

function requireAspirationId(aspirationId: string): void {
  if (aspirationId.trim() === '') throw endorsementErrors.missingAspirationId();
}
