import { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n';
import { paths } from '../paths';
import { StaffKind, StaffRole, staffIn } from '../session/roles';
import { Signed, useSession } from '../session/session';
import { Page } from './page';

interface Props {
  readonly title: string;
  readonly kinds: readonly StaffKind[];
  readonly path: string;
  readonly wide?: boolean;
  readonly children: (role: StaffRole, me: Signed) => ComponentChildren;
}

/**
 * A staff page's frame: while the session is restored it waits, a visitor is asked to sign in and come back,
 * and someone of another role is told the page is not theirs. The server refuses them anyway; this only says so.
 */
export function StaffGate({ title, kinds, path, wide, children }: Props) {
  const me = useSession();
  const role = staffIn(me, kinds);
  return (
    <Page title={title} wide={wide}>
      {me.status === 'restoring' && <p role="status">{t('common.loading')}</p>}
      {me.status === 'anonymous' && (
        <p>
          <a href={`${paths.signIn}?lanjut=${encodeURIComponent(path)}`}>{t('staff.signIn')}</a>
        </p>
      )}
      {me.status === 'signed_in' && !role && <p class="note">{t('staff.notYourPage')}</p>}
      {me.status === 'signed_in' && role && children(role, me)}
    </Page>
  );
}
