import { Command } from '../../platform/domain/decider';

/** What the handler read from the aspiration's stream before deciding; null when it does not exist. */
export interface EndorsedAspirationFacts {
  status: string;
  visibility: 'public' | 'confidential';
  /** The endorser submitted it: endorsing one's own aspiration would only inflate it. */
  endorserIsSubmitter: boolean;
}

/** The endorsing citizen is the command's actor. */
export type EndorseAspiration = Command<
  'EndorseAspiration',
  { aspirationId: string; aspiration: EndorsedAspirationFacts | null }
>;

export type WithdrawEndorsement = Command<'WithdrawEndorsement', { aspirationId: string }>;

export type EndorsementCommand = EndorseAspiration | WithdrawEndorsement;
