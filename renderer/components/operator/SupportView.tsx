// "Export diagnostics" for the support team: main writes one JSON file (main/diagnostics/) — versions, settings
// without secrets, the queue's health, recent errors, the audit trail's check — that holds no user ID, no photo
// and no key; the screen says so before the supervisor sends it anywhere.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../store/downloads';
import { kiosk, sessionToken } from '../../store/kiosk-store';
import type { PanelCall } from './panel-call';

export function SupportView(props: { call: PanelCall }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const exportDiagnostics = () =>
    void props.call(async () => {
      const file = await kiosk().exportDiagnostics({ grant: sessionToken() });
      downloadText(file.fileName, file.content, 'json');
      setSaved(file.fileName);
    });
  return (
    <section className="support" aria-labelledby="support-title" data-testid="support">
      <h2 id="support-title">{t('operator.support.title')}</h2>
      <p>{t('operator.support.explain')}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="export-diagnostics"
          onClick={exportDiagnostics}
        >
          {t('operator.support.export')}
        </button>
      </div>
      {saved && (
        <p className="ok" role="status" data-testid="diagnostics-exported">
          {t('operator.support.exported', { fileName: saved })}
        </p>
      )}
    </section>
  );
}
