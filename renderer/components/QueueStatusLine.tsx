// The always-visible queue line: waiting / needs attention / sent today, online or offline, last send. Its
// numbers are main's health report, which main sends again on every change of any job (outbox.ts), so they
// stay true offline too, without a reload.
import { useTranslation } from 'react-i18next';
import { ACTIVE_STATES } from '../../app/job-states';
import { describeCircuit } from '../i18n/describe';
import { useKiosk } from '../store/kiosk-store';

export function QueueStatusLine() {
  const { t, i18n } = useTranslation();
  const health = useKiosk((state) => state.health);
  if (!health) return null;
  // Waiting: every job the kiosk still has to send (ACTIVE_STATES), whatever step it is at.
  const waiting = ACTIVE_STATES.reduce((sum, state) => sum + (health.counts[state] ?? 0), 0);
  const attention = health.counts.needs_attention ?? 0;
  const lastSent = health.lastSuccessfulSendAt
    ? t('queue.lastSent', { when: new Date(health.lastSuccessfulSendAt).toLocaleTimeString(i18n.language) })
    : t('queue.neverSent');
  // Why sending is paused, in the operator's language (main's own reason is English, for its logs).
  const pause = describeCircuit(t, health.circuit);
  const connection = pause
    ? t('queue.paused', { reason: pause.reason })
    : health.online
      ? t('queue.online')
      : t('queue.offline');
  return (
    <footer
      className="queue-line"
      data-testid="queue-status"
      data-online={health.online}
      data-waiting={waiting}
      data-attention={attention}
      data-sent-today={health.sentToday}
      role="status"
      aria-live="polite"
    >
      <span
        className={health.online && !health.circuit.open ? 'dot dot-online' : 'dot dot-offline'}
        aria-hidden
      />
      <span>{connection}</span>
      <span data-testid="queue-waiting">{t('queue.waiting', { count: waiting })}</span>
      <span className={attention > 0 ? 'attention' : undefined}>
        {t('queue.attention', { count: attention })}
      </span>
      <span>{t('queue.sentToday', { count: health.sentToday })}</span>
      <span>{lastSent}</span>
    </footer>
  );
}
