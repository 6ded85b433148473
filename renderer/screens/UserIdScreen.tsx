// The customer's user ID, typed or scanned. A keyboard-wedge scanner types the code and presses Enter, which
// submits the form like a person would.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkUserId, normaliseUserId, type UserIdProblem } from '../../app/user-id';
import { asKioskError, go, kiosk, resetFlow, updateFlow, useKiosk } from '../store/kiosk-store';

export function UserIdScreen() {
  const { t } = useTranslation();
  const rule = useKiosk((state) => state.settings?.userIdRule);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<UserIdProblem | null>(null);
  const [duplicate, setDuplicate] = useState<{ kind: 'queued' | 'enrolled'; blocked: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const userId = normaliseUserId(value);
    const localProblem = checkUserId(userId, rule);
    setProblem(localProblem);
    if (localProblem) return;
    try {
      const answer = await kiosk().checkUserId({ userId });
      if (answer.problem) return setProblem(answer.problem);
      if (answer.duplicate && (answer.blocked || duplicate === null)) {
        setDuplicate({ kind: answer.duplicate, blocked: answer.blocked });
        return;
      }
      updateFlow({ userId: answer.userId, duplicateWarning: answer.duplicate });
      go('consent');
    } catch (failure) {
      setError(asKioskError(failure).message);
    }
  };

  return (
    <main className="screen">
      <h1>{t('userId.title')}</h1>
      <p className="hint">{t('userId.hint')}</p>
      <form onSubmit={submit} className="stack">
        <label htmlFor="user-id">{t('userId.label')}</label>
        <input
          id="user-id"
          data-testid="user-id-input"
          className="big-input"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={problem !== null}
          aria-describedby="user-id-problem"
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(null);
            setDuplicate(null);
          }}
        />
        <p id="user-id-problem" className="error" role="alert">
          {problem ? t(`userId.problems.${problem}`) : (error ?? '')}
        </p>
        {duplicate && (
          <p className="warning" role="alert" data-testid="duplicate-warning">
            {duplicate.blocked
              ? t('userId.duplicateBlocked')
              : t(duplicate.kind === 'queued' ? 'userId.duplicateQueued' : 'userId.duplicateEnrolled')}
          </p>
        )}
        <div className="actions">
          <button type="button" className="secondary" onClick={resetFlow}>
            {t('common.back')}
          </button>
          <button type="submit" data-testid="user-id-submit" disabled={duplicate?.blocked === true}>
            {duplicate && !duplicate.blocked ? t('userId.continueAnyway') : t('userId.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
