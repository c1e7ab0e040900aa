import { ComponentChildren } from 'preact';
import { CommandResult } from '../../api/types';
import { t } from '../../i18n/i18n';
import { ProblemAlert } from '../../ui/problem';
import { useCommand } from '../../ui/use-command';

interface Props {
  /** The section's heading, read out as the form's name. */
  readonly title: string;
  readonly id: string;
  readonly submitLabel: string;
  readonly path: string;
  /** The body sent, read when the form is submitted. */
  readonly body?: () => unknown;
  /** After the command: the thread is read again at its position. */
  readonly done: (result: CommandResult) => void;
  readonly onSent?: () => void;
  readonly secondary?: boolean;
  readonly hint?: string;
  readonly children?: ComponentChildren;
}

/** One staff command as a small form of its own: its own Idempotency-Key, its own problem shown beside it. */
export function CommandForm(props: Props) {
  const { send, problem, busy } = useCommand();
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await send<CommandResult>(props.path, props.body?.());
    if (!result) return;
    props.onSent?.();
    props.done(result);
  };
  return (
    <form class="command-form" aria-labelledby={`${props.id}-title`} onSubmit={(event) => void submit(event)}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {props.hint && <p class="hint">{props.hint}</p>}
      <ProblemAlert problem={problem} />
      {props.children}
      <button class={props.secondary ? 'button button-secondary' : 'button'} type="submit" disabled={busy}>
        {busy ? t('common.sending') : props.submitLabel}
      </button>
    </form>
  );
}
