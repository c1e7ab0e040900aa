import { useState } from 'preact/hooks';
import { GroupDetail, GroupDraft } from '../../api/group-types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { fieldErrors, ProblemAlert } from '../../ui/problem';
import { groupMessage } from './group-problem';
import { useCommand } from '../../ui/use-command';
import { AspirationFields, aspirationBody, emptyAspiration } from './aspiration-fields';
import { CommandButton } from './group-actions';
import { MoreButton } from '../../ui/more-button';
import { useGroupPages } from './use-group-pages';
import { seen } from './use-group-reads';

interface Props {
  readonly group: GroupDetail['group'];
  readonly position: string;
  /** A member of an active group: drafts and co-signs. */
  readonly member: boolean;
  readonly done: (position: string | null) => void;
}

/** Aspirations drafted for the group: members co-sign until the threshold submits it. */
export function GroupDrafts({ group, position, member, done }: Props) {
  const drafts = useGroupPages<GroupDraft>(`/api/groups/${group.id}/drafts`, position);
  return (
    <section aria-labelledby="drafts-title" class="group-drafts">
      <h2 id="drafts-title">{t('group.draftsTitle')}</h2>
      <p class="hint">{t('group.draftsHint', { count: group.signatureThreshold })}</p>
      {drafts && drafts.items.length === 0 && <p class="muted">{t('group.noDrafts')}</p>}
      <ul class="thread-list">
        {drafts?.items.map((draft) => (
          <DraftCard key={draft.id} draft={draft} member={member} done={done} position={position} />
        ))}
      </ul>
      <MoreButton more={drafts?.more} />
      {member && <DraftForm group={group} done={done} />}
    </section>
  );
}

function DraftCard(props: { draft: GroupDraft; member: boolean; done: Props['done']; position: string }) {
  const { draft, member, done, position } = props;
  const titleId = `draft-${draft.id}`;
  const count = t('group.signatureCount', { count: draft.signatures, threshold: draft.signatureThreshold });
  return (
    <li class="card group-draft" data-draft-id={draft.id}>
      <h3 class="card-title" id={titleId}>
        {draft.title}
      </h3>
      <p>{draft.body}</p>
      <p class="card-meta">
        <span class="draft-signatures">{count}</span>
        {draft.draftedByYou && <span class="muted">{t('group.draftedByYou')}</span>}
        {draft.signedByYou && !draft.draftedByYou && <span class="muted">{t('group.signedByYou')}</span>}
      </p>
      {draft.aspirationId && (
        <p>
          <a href={paths.thread(draft.aspirationId)} onClick={() => seen(position)}>
            {t('group.submittedLink')}
          </a>
        </p>
      )}
      {member && draft.status === 'collecting' && !draft.signedByYou && !draft.draftedByYou && (
        <CommandButton
          path={`/api/groups/${draft.groupId}/drafts/${draft.id}/signatures`}
          label={t('group.cosign', { count: draft.signatures, threshold: draft.signatureThreshold })}
          describedBy={titleId}
          done={done}
        />
      )}
    </li>
  );
}

function DraftForm({ group, done }: { group: Props['group']; done: Props['done'] }) {
  const { send, problem, busy } = useCommand();
  const [value, setValue] = useState(emptyAspiration);
  const [anonymous, setAnonymous] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { ...aspirationBody(value), anonymous };
    const result = await send<{ position: string | null }>(`/api/groups/${group.id}/drafts`, body);
    if (!result) return;
    setValue(emptyAspiration());
    done(result.position);
  };
  return (
    <form class="command-form" aria-labelledby="draft-form-title" onSubmit={(event) => void submit(event)}>
      <h3 id="draft-form-title">{t('group.draftFormTitle')}</h3>
      <p class="hint">{t('group.draftFormHint')}</p>
      <ProblemAlert problem={problem} message={groupMessage(problem)} />
      <AspirationFields
        prefix="draft"
        value={value}
        onChange={setValue}
        within={group.regionCode}
        errors={fieldErrors(problem)}
      />
      <div class="check">
        <input
          id="draft-anonymous"
          type="checkbox"
          checked={anonymous}
          onChange={(e) => setAnonymous((e.target as HTMLInputElement).checked)}
        />
        <label for="draft-anonymous">{t('submit.anonymous')}</label>
      </div>
      <button class="button" type="submit" disabled={busy}>
        {busy ? t('common.sending') : t('group.startDraft')}
      </button>
    </form>
  );
}
