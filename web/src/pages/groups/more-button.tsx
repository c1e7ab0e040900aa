import { t } from '../../i18n/i18n';

/** Asks for the next page of a group list; shown only while there is one. */
export function MoreButton({ more }: { more: (() => void) | undefined }) {
  if (!more) return null;
  return (
    <button type="button" class="button button-secondary" onClick={more}>
      {t('common.more')}
    </button>
  );
}
