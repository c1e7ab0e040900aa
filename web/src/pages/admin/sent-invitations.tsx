import { useState } from 'preact/hooks';
import { Invitation } from '../../api/staff-types';
import { t } from '../../i18n/i18n';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem';
import { useCommand } from '../../ui/use-command';

export interface SentInvitation extends Invitation {
  readonly displayName: string;
  readonly login: string;
  readonly roleText: string;
}

/** One invitation sent during this visit: a new code when the first was lost, or withdrawn to free the login. */
function SentInvitationItem({
  sent,
  onChange,
}: {
  sent: SentInvitation;
  onChange: (next: SentInvitation) => void;
}) {
  const { send, problem, busy } = useCommand();
  const [note, setNote] = useState('');
  const path = `/api/invitations/${sent.invitationId}`;
  const act = async (method: 'POST' | 'DELETE', message: string) => {
    const result = await send<Invitation>(method === 'POST' ? `${path}/codes` : path, undefined, {
      method,
      idempotent: false,
    });
    if (!result) return;
    onChange({ ...sent, ...result });
    setNote(message);
  };
  return (
    <li class="card" data-invitation-id={sent.invitationId}>
      <p class="card-title">
        <strong>{sent.displayName}</strong> · {sent.login} · {sent.roleText}
      </p>
      <p class="card-meta">
        <span>{t('invite.accountId', { id: sent.invitationId })}</span>
        <span>
          {sent.status === 'withdrawn'
            ? t('invite.withdrawn')
            : sent.expiresAt && t('invite.expires', { date: formatDateTime(sent.expiresAt) })}
        </span>
      </p>
      <ProblemAlert problem={problem} />
      {note && (
        <p class="alert alert-success" role="status">
          {note}
        </p>
      )}
      {sent.status === 'invited' && (
        <p class="button-row">
          <button
            type="button"
            class="button button-secondary"
            disabled={busy}
            onClick={() => void act('POST', t('invite.codeResent'))}
          >
            {t('invite.resend')}
          </button>
          <button
            type="button"
            class="button button-secondary"
            disabled={busy}
            onClick={() => void act('DELETE', t('invite.withdrawnNote'))}
          >
            {t('invite.withdraw')}
          </button>
        </p>
      )}
    </li>
  );
}

export function SentInvitations({
  items,
  onChange,
}: {
  items: readonly SentInvitation[];
  onChange: (next: SentInvitation) => void;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="sent-title">
      <h2 id="sent-title">{t('invite.sentTitle')}</h2>
      <p class="hint">{t('invite.sentHint')}</p>
      <ul class="thread-list">
        {items.map((sent) => (
          <SentInvitationItem key={sent.invitationId} sent={sent} onChange={onChange} />
        ))}
      </ul>
    </section>
  );
}
