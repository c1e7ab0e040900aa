import { DomainError, invalid } from '../platform/domain/domain-errors';
import { acceptablePassword } from '../platform/passwords/password-policy';

/** The password policy for a `newPassword` field: the same rules, the problem naming that field. */
export function newPasswordFor(password: string, logins: readonly string[]): string {
  try {
    return acceptablePassword(password, logins);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw invalid(error.code, error.message, 'newPassword');
  }
}
