import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { api, Problem } from '../../api/http';
import { HistoryEntry } from '../../api/staff-types';
import { AspirationDetail, TimeZoneName } from '../../api/types';
import { hasText, t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../ui/format';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { ThreadView } from '../thread/thread-view';
import { AsOf, asOfFrom, asOfQuery, asOfSearch, instantOf, localInputValue, stepAt } from './as-of';
import { eventName } from './history-entries';

interface Props {
  readonly aspirationId: string;
  readonly events: readonly HistoryEntry[];
  readonly zone: TimeZoneName;
}

/**
 * The thread as it was after any step of its history, or at any moment: a slider over its events and a date-time
 * field, with the thread shown as the live page shows it, marked as the past. The moment stays in the address.
 */
export function AsOfView({ aspirationId, events, zone }: Props) {
  const { query, path, route } = useLocation();
  const me = useSession();
  const positions = events.map((event) => event.position);
  const asOf = asOfFrom(query, positions.at(-1));
  const [detail, setDetail] = useState<AspirationDetail | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [loading, setLoading] = useState(false);
  /** The step the slider is on while it moves, before it is let go. */
  const [moving, setMoving] = useState<number | undefined>();
  const [timeValue, setTimeValue] = useState('');
  const wanted = asOf && asOfQuery(asOf);

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    setLoading(true);
    setProblem(undefined);
    api<AspirationDetail>(`/api/aspirations/${aspirationId}?${wanted}`)
      .then((found) => current && setDetail(found))
      .catch((error) => {
        if (!current) return;
        setProblem(problemOf(error));
        setDetail(undefined);
      })
      .finally(() => current && setLoading(false));
    return () => void (current = false);
  }, [aspirationId, wanted]);

  const shown = detail ? stepAt(positions, detail.position) : -1;
  // The step asked for, not the one last shown: a second click before the first answer goes one step further.
  const requested = asOf && 'position' in asOf ? stepAt(positions, asOf.position) : shown;
  const step = moving ?? Math.max(requested, 0);
  const event = events[step];
  // The date-time field starts at the moment shown, in the region's zone, and follows the slider.
  useEffect(() => {
    if (asOf && 'time' in asOf) setTimeValue(localInputValue(asOf.time, zone));
    else if (event) setTimeValue(localInputValue(event.recordedAt, zone));
  }, [wanted, step, zone]);

  if (!asOf || !event) return null;
  const go = (next: AsOf) => {
    setMoving(undefined);
    route(`${path}${asOfSearch(next)}`, true);
  };
  const goTo = (i: number) => go({ position: positions[i] });
  const describe = (i: number) =>
    t('asOf.step', {
      n: i + 1,
      total: events.length,
      event: eventName(events[i].type),
      position: events[i].position,
      time: formatDateTime(events[i].recordedAt, zone),
    });
  const instant = instantOf(timeValue, zone);

  return (
    <section class="as-of" aria-labelledby="as-of-title">
      <h2 id="as-of-title">{t('asOf.title')}</h2>
      <p class="hint">{t('asOf.lead')}</p>
      <div class="field">
        <label for="as-of-step">{t('asOf.slider')}</label>
        <input
          id="as-of-step"
          type="range"
          min={0}
          max={events.length - 1}
          step={1}
          value={step}
          aria-valuetext={describe(step)}
          onInput={(e) => setMoving(Number((e.target as HTMLInputElement).value))}
          onChange={(e) => goTo(Number((e.target as HTMLInputElement).value))}
        />
        <p class="as-of-step" aria-hidden="true">
          {describe(step)}
        </p>
      </div>
      <p class="button-row">
        <button
          type="button"
          class="button button-secondary"
          disabled={step === 0}
          onClick={() => goTo(step - 1)}
        >
          {t('asOf.previous')}
        </button>
        <button
          type="button"
          class="button button-secondary"
          disabled={step === events.length - 1}
          onClick={() => goTo(step + 1)}
        >
          {t('asOf.next')}
        </button>
      </p>
      <form
        class="as-of-time"
        onSubmit={(e) => {
          e.preventDefault();
          if (instant) go({ time: instant });
        }}
      >
        <div class="field">
          <label for="as-of-time">{t('asOf.time', { zone })}</label>
          <input
            id="as-of-time"
            type="datetime-local"
            step={1}
            value={timeValue}
            required
            onInput={(e) => setTimeValue((e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="button button-secondary" disabled={!instant}>
          {t('asOf.showTime')}
        </button>
      </form>
      <ProblemAlert
        problem={problem}
        message={
          problem && hasText(`asOf.problem.${problem.code}`) ? t(`asOf.problem.${problem.code}`) : undefined
        }
      />
      {detail && (
        <div class="past-view" data-as-of-position={detail.position} aria-busy={loading ? 'true' : undefined}>
          <p class="past-banner" role="status">
            {'time' in asOf
              ? t('asOf.pastAtTime', {
                  time: formatDateTime(asOf.time, zone),
                  n: shown + 1,
                  total: events.length,
                })
              : t('asOf.pastAtStep', { n: shown + 1, total: events.length, position: detail.position })}{' '}
            <a href={paths.thread(aspirationId)}>{t('asOf.toNow')}</a>
          </p>
          <ThreadView
            thread={detail.aspiration}
            me={me.status === 'signed_in' ? me.actorId : undefined}
            nested
          />
        </div>
      )}
    </section>
  );
}
