import { t } from '../i18n/i18n';
import { LiveStatus } from './live-connection';

/** Says plainly whether the thread updates by itself right now; announced politely when it changes. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <p class={`live-indicator live-${status}`} role="status" aria-live="polite" data-live-status={status}>
      <span class="live-dot" aria-hidden="true" />
      {t(`live.${status}`)}
    </p>
  );
}
