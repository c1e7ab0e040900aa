import { t } from '../i18n/i18n';

/** Asks for the next page of a list; shown only while there is one, and resting while a page loads. */
export function MoreButton({ more, busy = false }: { more: (() => void) | undefined; busy?: boolean }) {
  if (!more) return null;
  return (
    <button type="button" class="button button-secondary" disabled={busy} onClick={more}>
      {t('common.more')}
    </button>
  );
}
