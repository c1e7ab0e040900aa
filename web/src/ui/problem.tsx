import { ApiError, Problem } from '../api/http';
import { hasText, t } from '../i18n/i18n';

export const problemOf = (error: unknown): Problem =>
  error instanceof ApiError ? error.problem : { status: 0, code: 'network_error', detail: String(error) };

/** A sentence for the person, in their language; the code stays visible for whoever helps them. */
export function problemMessage(problem: Problem): string {
  if (hasText(`problem.${problem.code}`)) return t(`problem.${problem.code}`);
  return t('problem.generic', { code: problem.code });
}

/** One message per field the API blamed, keyed by the field name. */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field } of problem?.errors ?? []) {
    const root = field.split('.')[0];
    errors[root] ??=
      problem!.code !== 'invalid_request' && hasText(`problem.${problem!.code}`)
        ? t(`problem.${problem!.code}`)
        : t('form.invalidField');
  }
  return errors;
}

/**
 * Announced at once to screen readers; says what went wrong and, for a lost connection, that nothing was lost.
 * `message` replaces the usual sentence where the page knows better what the code means there.
 */
export function ProblemAlert({ problem, message }: { problem: Problem | undefined; message?: string }) {
  if (!problem) return null;
  return (
    <div class="alert alert-error" role="alert">
      <p>{message ?? problemMessage(problem)}</p>
      {problem.status !== 0 && <p class="muted small">{t('problem.codeLine', { code: problem.code })}</p>}
    </div>
  );
}
