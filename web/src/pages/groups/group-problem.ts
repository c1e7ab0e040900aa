import { Problem } from '../../api/http';
import { hasText, t } from '../../i18n/i18n';

/** The groups' own refusals in the person's words; undefined lets ProblemAlert say the usual sentence. */
export const groupMessage = (problem: Problem | undefined): string | undefined =>
  problem && hasText(`group.problem.${problem.code}`) ? t(`group.problem.${problem.code}`) : undefined;
