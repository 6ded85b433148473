// First-run setup, and the settings screen behind the PIN afterwards. Every setting the README names is here,
// grouped in sections (renderer/components/settings/). Each save is checked first with the rules main applies
// (the schemas of app/settings.ts, and "settings that cannot send are not saved", app/settings-issues.ts), so a
// problem shows beside its field before anything is sent; a refusal from main is shown the same way. The API
// key is write-only and travels with the save that needs it; the renderer never receives it back. Once a PIN
// exists the form is shown only under an operator session (SetupGate asks for the PIN), and every change
// presents the session's grant, never the PIN. Setting the first PIN makes the recovery code, shown once.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicSettings } from '../../app/settings';
import { issueFromParams } from '../../app/settings-issues';
import { RecoveryCodeNotice } from '../components/RecoveryCodeNotice';
import { CameraSection } from '../components/settings/CameraSection';
import { CustomersSection } from '../components/settings/CustomersSection';
import { DestinationSection } from '../components/settings/DestinationSection';
import { KioskSection } from '../components/settings/KioskSection';
import { PinSection } from '../components/settings/PinSection';
import { PrivacySection } from '../components/settings/PrivacySection';
import { SetupGate } from '../components/settings/SetupGate';
import { fieldId } from '../components/settings/SettingField';
import {
  checkDraft,
  draftFromSettings,
  patchFromDraft,
  screenField,
  type FormIssues,
  type SettingsDraft,
} from '../components/settings/settings-draft';
import '../components/settings/settings.css';
import { setLanguage } from '../i18n';
import { describeKioskError } from '../i18n/describe';
import { asKioskError, kiosk, resetFlow, sessionToken, setSettings, useKiosk } from '../store/kiosk-store';
import { changePin, isSessionGone } from '../store/operator-session';

/** The grant to present, when there is a session (first-run setup has none, and needs none). */
function grantIfAny(): { grant?: string } {
  const session = useKiosk.getState().session;
  return session ? { grant: session.token } : {};
}

type Message = { readonly kind: 'error' | 'ok'; readonly text: string };

export function SetupScreen() {
  const settings = useKiosk((state) => state.settings);
  const sessionOpen = useKiosk((state) => state.session !== null);
  if (!settings) return null;
  // A kiosk with a PIN shows its settings to a signed-in operator only.
  if (settings.pinState !== 'unset' && !sessionOpen) return <SetupGate settings={settings} />;
  return <SettingsForm settings={settings} />;
}

/** `settings`: main's view when the form opened; the draft starts from it and the checks compare with it. */
function SettingsForm({ settings }: { readonly settings: PublicSettings }) {
  const { t } = useTranslation();
  const firstRun = settings.pinState === 'unset';
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(settings));
  const [apiKey, setApiKey] = useState('');
  const [newPin, setNewPin] = useState('');
  const [confirmPin, setConfirmPin] = useState('');
  const [issues, setIssues] = useState<FormIssues>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  // `leave`: after a save that set a PIN, the screen closes once the code is noted.
  const [recoveryCode, setRecoveryCode] = useState<{ code: string; leave: boolean } | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const change = (patch: Partial<SettingsDraft>) => setDraft((current) => ({ ...current, ...patch }));

  /** Shows the problems beside their fields and brings the first one into view. */
  const showIssues = (found: FormIssues) => {
    setIssues(found);
    setMessage({ kind: 'error', text: t('setup.notSaved') });
    const first = Object.keys(found)[0];
    if (first === undefined) return;
    // After React has rendered the messages, so the field and its problem scroll into view together.
    requestAnimationFrame(() => {
      const control = form.current?.querySelector<HTMLElement>(`#${fieldId(first)}`);
      control?.scrollIntoView({ block: 'center' });
      control?.focus({ preventScroll: true });
    });
  };

  const failed = (error: unknown) => {
    const problem = asKioskError(error);
    // The session ended (idle elsewhere, its maximum age): back to rest, where the PIN is asked again.
    if (isSessionGone(problem.code)) {
      resetFlow();
      return;
    }
    const issue = issueFromParams(problem.params);
    if (issue) {
      const field = screenField(issue.field);
      showIssues({ [field]: { ...issue, field } });
      return;
    }
    const { reason, action } = describeKioskError(t, problem);
    setMessage({ kind: 'error', text: action ? `${reason} ${action}` : reason });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = checkDraft(draft, settings, { apiKey, newPin, confirmPin }, firstRun);
    if (Object.keys(found).length > 0) {
      showIssues(found);
      return;
    }
    setIssues({});
    setMessage(null);
    setBusy(true);
    try {
      const key = apiKey.trim();
      await kiosk().updateSettings({
        patch: patchFromDraft(draft),
        ...(key !== '' ? { apiKey: key } : {}),
        ...grantIfAny(),
      });
      setApiKey('');
      // The first PIN opens the operator session; a new one replaces it.
      const code = newPin ? await changePin(newPin) : null;
      // Shown even if a later step fails: main has already made it and will not show it again.
      if (code) setRecoveryCode({ code, leave: true });
      setNewPin('');
      setConfirmPin('');
      const updated = await kiosk().getSettings({});
      setSettings(updated);
      await setLanguage(updated.language);
      setMessage({ kind: 'ok', text: t('setup.saved') });
      // Saved: back to the start, or once the new recovery code is noted.
      if (!code) resetFlow();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const newRecoveryCode = async () => {
    try {
      const { recoveryCode: code } = await kiosk().issueRecoveryCode({ grant: sessionToken() });
      setSettings(await kiosk().getSettings({}));
      setRecoveryCode({ code, leave: false });
    } catch (error) {
      failed(error);
    }
  };

  const closeNotice = (leave: boolean) => {
    setRecoveryCode(null);
    if (leave) resetFlow();
  };

  return (
    <main className="screen setup">
      <h1>{t('setup.title')}</h1>
      {firstRun && <p className="hint">{t('setup.firstRun')}</p>}
      <form ref={form} className="settings-form" onSubmit={save} noValidate>
        <div className="settings-sections">
          <DestinationSection
            draft={draft}
            change={change}
            issues={issues}
            apiKey={apiKey}
            onApiKey={setApiKey}
            apiKeySet={settings.apiKeySet}
          />
          <KioskSection draft={draft} change={change} issues={issues} />
          <CustomersSection draft={draft} change={change} issues={issues} />
          <CameraSection draft={draft} change={change} issues={issues} />
          <PrivacySection draft={draft} change={change} issues={issues} />
          <PinSection
            firstRun={firstRun}
            newPin={newPin}
            confirmPin={confirmPin}
            onNewPin={setNewPin}
            onConfirmPin={setConfirmPin}
            issues={issues}
            recoveryCodeSet={settings.recoveryCodeSet}
            onNewRecoveryCode={() => void newRecoveryCode()}
          />
        </div>
        <div className="settings-actions">
          {message && (
            <p className={message.kind === 'error' ? 'error' : 'ok'} role="alert" data-testid="setup-message">
              {message.text}
            </p>
          )}
          <div className="actions">
            {!firstRun && (
              <button type="button" className="secondary" data-testid="setup-cancel" onClick={resetFlow}>
                {t('common.cancel')}
              </button>
            )}
            <button type="submit" className="primary" data-testid="setup-save" disabled={busy}>
              {t('common.save')}
            </button>
          </div>
        </div>
      </form>
      {recoveryCode && (
        <RecoveryCodeNotice code={recoveryCode.code} onDone={() => closeNotice(recoveryCode.leave)} />
      )}
    </main>
  );
}
