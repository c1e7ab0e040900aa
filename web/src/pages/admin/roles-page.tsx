import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { AccountRole } from '../../api/staff-types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { TextField } from '../../ui/fields';
import { fieldErrors, ProblemAlert } from '../../ui/problem';
import { StaffGate } from '../../ui/staff-gate';
import { useCommand } from '../../ui/use-command';
import { bindingBody, emptyBinding, RoleBinding, RoleBindingFields } from './role-binding-fields';
import '../../ui/staff.css';

/** An admin grants a role to an existing account, or revokes it (the account is a citizen again). */
export default function RolesPage() {
  return (
    <StaffGate title={t('roles.title')} kinds={['admin']} path={paths.roles}>
      {() => <RolesForms />}
    </StaffGate>
  );
}

function RolesForms() {
  const { query } = useLocation();
  const [accountId, setAccountId] = useState(query.akun ?? '');
  const [binding, setBinding] = useState<RoleBinding>(emptyBinding);
  const [outcome, setOutcome] = useState<AccountRole | undefined>();
  const grant = useCommand();
  const revoke = useCommand();
  const errors = fieldErrors(grant.problem ?? revoke.problem);
  const path = `/api/accounts/${encodeURIComponent(accountId.trim())}/role`;

  const act = async (command: typeof grant, method: 'PUT' | 'DELETE', body?: unknown) => {
    setOutcome(undefined);
    const result = await command.send<AccountRole>(path, body, { method, idempotent: false });
    if (result) setOutcome(result);
  };

  return (
    <>
      <p class="lead">{t('roles.lead')}</p>
      <TextField
        id="account-id"
        label={t('roles.accountId')}
        hint={t('roles.accountIdHint')}
        value={accountId}
        onInput={setAccountId}
        required
        autoComplete="off"
        error={errors.accountId}
      />
      {outcome && (
        <p class="alert alert-success" role="status" data-role={outcome.role}>
          {t('roles.outcome', { account: outcome.accountId, role: outcome.role })}
        </p>
      )}
      <form
        aria-labelledby="grant-title"
        onSubmit={(event) => {
          event.preventDefault();
          void act(grant, 'PUT', bindingBody(binding));
        }}
      >
        <h2 id="grant-title">{t('roles.grantTitle')}</h2>
        <ProblemAlert problem={grant.problem} />
        <RoleBindingFields
          id="grant"
          roles={['official', 'facilitator', 'auditor', 'admin']}
          value={binding}
          onChange={setBinding}
          errors={errors}
        />
        <button class="button" type="submit" disabled={grant.busy || accountId.trim() === ''}>
          {grant.busy ? t('common.sending') : t('roles.grant')}
        </button>
      </form>
      <section aria-labelledby="revoke-title" class="actions">
        <h2 id="revoke-title">{t('roles.revokeTitle')}</h2>
        <p class="hint">{t('roles.revokeHint')}</p>
        <ProblemAlert problem={revoke.problem} />
        <button
          class="button button-secondary"
          type="button"
          disabled={revoke.busy || accountId.trim() === ''}
          onClick={() => void act(revoke, 'DELETE')}
        >
          {revoke.busy ? t('common.sending') : t('roles.revoke')}
        </button>
      </section>
    </>
  );
}
