// The always-visible queue line: waiting / needs attention / sent today, online or offline, last send.
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';

export function QueueStatusLine() {
  const { t, i18n } = useTranslation();
  const health = useKiosk((state) => state.health);
  if (!health) return null;
  const waiting =
    health.counts.queued + health.counts.preparing + health.counts.uploading + health.counts.awaiting_result;
  const attention = health.counts.needs_attention;
  const lastSent = health.lastSuccessfulSendAt
    ? t('queue.lastSent', { when: new Date(health.lastSuccessfulSendAt).toLocaleTimeString(i18n.language) })
    : t('queue.neverSent');
  const connection = health.circuit.open
    ? t('queue.paused', { reason: health.circuit.reason ?? '' })
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
      role="status"
      aria-live="polite"
    >
      <span
        className={health.online && !health.circuit.open ? 'dot dot-online' : 'dot dot-offline'}
        aria-hidden
      />
      <span>{connection}</span>
      <span>{t('queue.waiting', { count: waiting })}</span>
      <span className={attention > 0 ? 'attention' : undefined}>
        {t('queue.attention', { count: attention })}
      </span>
      <span>{t('queue.sentToday', { count: health.sentToday })}</span>
      <span>{lastSent}</span>
    </footer>
  );
}
