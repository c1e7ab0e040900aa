import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import { CommandRequest, handleCommand } from '../../platform/commands/handle-command';
import { Actor } from '../../platform/domain/decider';
import { EventLog } from '../../platform/event-log/event-log';
import { deriveId, requestDigestOf } from '../../platform/ids';
import { FailureBurst } from '../../platform/throttling/failure-delay';
import { LOGIN_KEY } from '../login-key';
import {
  RecordSignInFailureBurst,
  securityAuditDecider,
  securityAuditStream,
} from '../domain/security-audit.decide';

/** Who records what the platform observed itself. */
export const SIGN_IN_AUDIT_ACTOR: Actor = { id: 'platform:sign-in', role: 'system' };

const logger = new Logger('SignInAudit');

/**
 * A keyed digest under the login key, with a label per kind so a login and an address never share one. Grouping
 * works (one login, one digest) while the log holds no phone number, e-mail or IP address in plain text.
 */
export const auditDigest = (loginKey: Buffer, kind: 'login' | 'address', value: string): string =>
  createHmac('sha256', loginKey).update(`sign-in-${kind}:${value}`).digest('hex');

/** Appends a SignInFailureBurst, as `system`, for each burst the sign-in failure delays report. */
@Injectable()
export class SignInAudit {
  constructor(
    private readonly log: EventLog,
    @Inject(LOGIN_KEY) private readonly loginKey: Buffer,
  ) {}

  /** For FailureDelays' onBurst, which cannot wait: a failure to record is logged, never thrown at sign-in. */
  report(burst: FailureBurst): void {
    this.record(burst).catch((error: unknown) =>
      logger.error(
        `A sign-in failure burst was not recorded: ${error instanceof Error ? error.stack : error}`,
      ),
    );
  }

  async record({ login, address, failures, windowStartedAt, at }: FailureBurst): Promise<void> {
    const data = {
      loginDigest: auditDigest(this.loginKey, 'login', login),
      addressDigest: auditDigest(this.loginKey, 'address', address),
      failures,
      windowStartedAt: windowStartedAt.toISOString(),
      at: at.toISOString(),
    };
    const command: RecordSignInFailureBurst = {
      type: 'RecordSignInFailureBurst',
      data,
      metadata: { actor: SIGN_IN_AUDIT_ACTOR, now: at },
    };
    // One burst, one command id: a second report of the same run (another path, a retry) is not recorded twice.
    const commandId = deriveId('sign-in-burst', data.loginDigest, data.addressDigest, data.windowStartedAt);
    const request: CommandRequest<RecordSignInFailureBurst> = {
      stream: securityAuditStream(at),
      command,
      commandId,
      requestDigest: requestDigestOf(command.type, 'security-audit', data),
      correlationId: randomUUID(),
    };
    await handleCommand(this.log, securityAuditDecider, request);
  }
}
