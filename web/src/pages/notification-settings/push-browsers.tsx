import { useEffect, useState } from 'preact/hooks';
import { api, Problem } from '../../api/http';
import { NotificationSettings } from '../../api/notification-types';
import { TimeZoneName } from '../../api/types';
import { t } from '../../i18n/i18n';
import { formatDateTime } from '../../ui/format';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { PushOutcome, pushRegistration, subscribeThisBrowser, thisBrowsersEndpoint } from './browser-push';

type Subscriptions = NotificationSettings['pushSubscriptions'];

const hostOf = (endpoint: string): string => {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
};

/** Web Push: this browser switched on or off, and every browser that receives the person's push messages. */
export function PushBrowsers(props: {
  subscriptions: Subscriptions;
  zone: TimeZoneName;
  changed: () => void;
}) {
  const { subscriptions, zone, changed } = props;
  const [registration, setRegistration] = useState<ServiceWorkerRegistration | undefined | null>(null);
  const [here, setHere] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<PushOutcome | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void pushRegistration().then(async (found) => {
      setRegistration(found);
      setHere(await thisBrowsersEndpoint(found));
    });
  }, [subscriptions]);

  const run = async (work: () => Promise<PushOutcome | undefined>) => {
    setBusy(true);
    setProblem(undefined);
    setOutcome(undefined);
    try {
      setOutcome(await work());
      changed();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  const remove = (id: string, endpoint: string) =>
    run(async () => {
      await api(`/api/me/push-subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' });
      if (endpoint === here) await (await registration?.pushManager.getSubscription())?.unsubscribe();
      return undefined;
    });
  const subscribed = here !== undefined && subscriptions.some((s) => s.endpoint === here);

  return (
    <section aria-labelledby="push-title">
      <h2 id="push-title">{t('pushSettings.title')}</h2>
      <p class="hint">{t('pushSettings.lead')}</p>
      <ProblemAlert problem={problem} />
      {outcome && outcome !== 'subscribed' && (
        <p class="alert alert-error" role="alert">
          {t(`pushSettings.${outcome}`)}
        </p>
      )}
      {registration === undefined && <p class="note">{t('pushSettings.notHere')}</p>}
      {registration && !subscribed && (
        <button
          type="button"
          class="button button-secondary"
          disabled={busy}
          onClick={() => void run(() => subscribeThisBrowser(registration))}
        >
          {t('pushSettings.subscribe')}
        </button>
      )}
      {subscriptions.length === 0 ? (
        <p class="muted">{t('pushSettings.none')}</p>
      ) : (
        <ul class="push-browsers">
          {subscriptions.map((subscription) => (
            <li key={subscription.id} data-push-subscription={subscription.id}>
              <span>
                {subscription.endpoint === here
                  ? t('pushSettings.thisBrowser')
                  : t('pushSettings.otherBrowser')}{' '}
                <span class="muted small">
                  {t('pushSettings.via', {
                    host: hostOf(subscription.endpoint),
                    date: formatDateTime(subscription.addedAt, zone),
                  })}
                </span>
              </span>
              <button
                type="button"
                class="link-button"
                disabled={busy}
                onClick={() => void remove(subscription.id, subscription.endpoint)}
              >
                {t('pushSettings.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
