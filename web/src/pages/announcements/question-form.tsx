import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { ProblemAlert } from '../../ui/problem';
import { useCommand } from '../../ui/use-command';

/** One text to send: a question to the publisher, or the publisher's answer. */
export function QuestionForm({
  path,
  label,
  onDone,
}: {
  path: string;
  label: string;
  onDone: (at: string) => void;
}) {
  const [text, setText] = useState('');
  const command = useCommand();
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await command.send<{ position: string }>(path, { text });
    if (!done) return;
    setText('');
    onDone(done.position);
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <label>
        {label}
        <textarea value={text} rows={2} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <ProblemAlert problem={command.problem} />
      <button type="submit" class="button button-secondary" disabled={command.busy || text.trim() === ''}>
        {t('announcement.send')}
      </button>
    </form>
  );
}
