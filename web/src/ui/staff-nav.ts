import { t } from '../i18n/i18n';
import { paths } from '../paths';
import { staffRoleOf } from '../session/roles';
import { SessionState } from '../session/session';

export interface NavLink {
  readonly href: string;
  readonly label: string;
}

/** The pages the signed-in person's role may use, read from the token's claims (the server checks each request). */
export function staffLinks(state: SessionState): NavLink[] {
  const role = state.status === 'signed_in' ? staffRoleOf(state) : undefined;
  switch (role?.kind) {
    case 'facilitator':
      return [
        { href: paths.queue, label: t('staffNav.queue') },
        { href: paths.onBehalf, label: t('staffNav.onBehalf') },
      ];
    case 'official':
      return [{ href: paths.inbox, label: t('staffNav.inbox') }];
    case 'auditor':
      return [{ href: paths.audit, label: t('staffNav.audit') }];
    case 'admin':
      return [
        { href: paths.invite, label: t('staffNav.invite') },
        { href: paths.roles, label: t('staffNav.roles') },
        { href: paths.agencies, label: t('staffNav.agencies') },
      ];
    case undefined:
      return [];
  }
}

/** "Fasilitator (62.06)", "Petugas dinas-pupr": who the header says is signed in, when staff. */
export function roleLabel(state: SessionState): string | undefined {
  const role = state.status === 'signed_in' ? staffRoleOf(state) : undefined;
  if (!role) return undefined;
  if (role.kind === 'official') return t('staffRole.official', { agency: role.agencyId });
  if (role.kind === 'facilitator' && role.regionCode)
    return t('staffRole.facilitatorOf', { region: role.regionCode });
  return t(`staffRole.${role.kind}`);
}
