import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { Page } from '../../ui/page';
import { fieldErrors, ProblemAlert } from '../../ui/problem';
import { useCommand } from '../../ui/use-command';

/** Officials and facilitators publish to a region (and everything below it) or to groups (ids, comma-separated). */
export default function PublishAnnouncementPage() {
  const { route } = useLocation();
  const command = useCommand();
  const [form, setForm] = useState({ title: '', body: '', link: '', regionCode: '', groupIds: '' });
  const set = (name: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [name]: e.currentTarget.value });
  const errors = fieldErrors(command.problem);
  const submit = async (e: Event) => {
    e.preventDefault();
    const groupIds = form.groupIds
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const done = await command.send<{ id: string }>('/api/announcements', {
      title: form.title,
      body: form.body,
      ...(form.link.trim() && { link: form.link.trim() }),
      ...(groupIds.length > 0 ? { groupIds } : { regionCode: form.regionCode.trim() }),
    });
    if (done) route(paths.announcement(done.id));
  };
  return (
    <Page title={t('announcement.publish.title')}>
      <form onSubmit={(e) => void submit(e)}>
        {(['title', 'body', 'link', 'regionCode', 'groupIds'] as const).map((name) => (
          <label key={name}>
            {t(`announcement.field.${name}`)}
            {name === 'body' ? (
              <textarea value={form[name]} rows={6} onInput={set(name)} />
            ) : (
              <input value={form[name]} onInput={set(name)} />
            )}
            {errors[name] && <span class="field-error">{errors[name]}</span>}
          </label>
        ))}
        <ProblemAlert problem={command.problem} />
        <button type="submit" class="button" disabled={command.busy}>
          {t('announcement.publish.submit')}
        </button>
      </form>
    </Page>
  );
}
