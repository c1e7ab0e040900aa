import { useState } from 'preact/hooks';
import { Invitation } from '../../api/staff-types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { TextField } from '../../ui/fields';
import { fieldErrors, ProblemAlert } from '../../ui/problem';
import { StaffGate } from '../../ui/staff-gate';
import { useCommand } from '../../ui/use-command';
import { bindingBody, emptyBinding, RoleBinding, RoleBindingFields } from './role-binding-fields';
import { SentInvitation, SentInvitations } from './sent-invitations';
import '../../ui/staff.css';

/** Invitations sent during this visit (the API lists none): kept while the admin moves between pages. */
let sentThisVisit: SentInvitation[] = [];

const ACCOUNT_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** An admin invites an official of an agency or a facilitator of a region; a code goes to the invitee. */
export default function InvitePage() {
  return (
    <StaffGate title={t('invite.title')} kinds={['admin']} path={paths.invite}>
      {() => <InviteForm />}
    </StaffGate>
  );
}

function InviteForm() {
  const [by, setBy] = useState<'phone' | 'email'>('phone');
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [binding, setBinding] = useState<RoleBinding>(emptyBinding);
  const [sent, setSent] = useState(sentThisVisit);
  const { send, problem, busy } = useCommand();
  const errors = fieldErrors(problem);
  const existing =
    problem?.code === 'login_has_account' ? ACCOUNT_ID.exec(problem.detail ?? '')?.[0] : undefined;

  const remember = (next: SentInvitation[]) => {
    sentThisVisit = next;
    setSent(next);
  };
  const roleText = () =>
    binding.role === 'official'
      ? t('invite.asOfficial', { agency: binding.agencyId })
      : t('invite.asFacilitator', { region: binding.regionCode });

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { [by]: login, displayName, ...bindingBody(binding) };
    const invitation = await send<Invitation>('/api/invitations', body, { idempotent: false });
    if (!invitation) return;
    const others = sent.filter((item) => item.invitationId !== invitation.invitationId);
    remember([{ ...invitation, displayName, login, roleText: roleText() }, ...others]);
    setLogin('');
    setDisplayName('');
  };

  return (
    <>
      <p class="lead">{t('invite.lead', { address: `${location.origin}${paths.acceptInvitation}` })}</p>
      <form onSubmit={(event) => void submit(event)}>
        <ProblemAlert problem={problem} />
        {existing && (
          <p class="note">
            <a href={`${paths.roles}?akun=${existing}`}>{t('invite.grantInstead')}</a>
          </p>
        )}
        <fieldset class="field">
          <legend>{t('invite.by')}</legend>
          {(['phone', 'email'] as const).map((kind) => (
            <label class="choice" key={kind}>
              <input type="radio" name="by" value={kind} checked={by === kind} onChange={() => setBy(kind)} />
              {t(kind === 'phone' ? 'register.byPhone' : 'register.byEmail')}
            </label>
          ))}
        </fieldset>
        <TextField
          id={by}
          type={by === 'phone' ? 'tel' : 'email'}
          inputMode={by === 'phone' ? 'tel' : 'email'}
          autoComplete="off"
          label={t(by === 'phone' ? 'register.phone' : 'register.email')}
          hint={by === 'phone' ? t('register.phoneHint') : undefined}
          value={login}
          onInput={setLogin}
          required
          error={errors[by]}
        />
        <TextField
          id="display-name"
          autoComplete="off"
          label={t('invite.displayName')}
          hint={t('invite.displayNameHint')}
          value={displayName}
          onInput={setDisplayName}
          required
          maxLength={100}
          error={errors.displayName}
        />
        <RoleBindingFields
          id="invite"
          roles={['official', 'facilitator']}
          value={binding}
          onChange={setBinding}
          errors={errors}
        />
        <button
          class="button"
          type="submit"
          disabled={busy || (binding.role === 'facilitator' && binding.regionCode === '')}
        >
          {busy ? t('common.sending') : t('invite.send')}
        </button>
      </form>
      <SentInvitations
        items={sent}
        onChange={(next) =>
          remember(sent.map((item) => (item.invitationId === next.invitationId ? next : item)))
        }
      />
    </>
  );
}
