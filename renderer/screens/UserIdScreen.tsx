// The customer's user ID, typed or scanned. A keyboard-wedge scanner types the code and presses Enter, which
// submits the form like a person would. Accepting the ID starts the enrollment: it gets its reference here.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkUserId,
  DEFAULT_USER_ID_RULE,
  normaliseUserId,
  type UserIdProblem,
  type UserIdRule,
} from '../../app/user-id';
import { describeKioskError } from '../i18n/describe';
import { newEnrollmentReference } from '../store/enrollment-reference';
import { asKioskError, go, kiosk, resetFlow, updateFlow, useKiosk } from '../store/kiosk-store';

/**
 * User ID patterns people can be told in words (the key under userId.rule); any other pattern is described by
 * its lengths alone — a regular expression is not something to show a customer.
 */
const PATTERNS_IN_WORDS: Readonly<
  Record<string, 'letters_digits_dash_underscore' | 'letters_digits' | 'digits'>
> = {
  [DEFAULT_USER_ID_RULE.pattern]: 'letters_digits_dash_underscore',
  '^[A-Za-z0-9]+$': 'letters_digits',
  '^[0-9]+$': 'digits',
  '^\\d+$': 'digits',
};

export function UserIdScreen() {
  const { t } = useTranslation();
  const rule: UserIdRule = useKiosk((state) => state.settings?.userIdRule) ?? DEFAULT_USER_ID_RULE;
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<UserIdProblem | null>(null);
  const [duplicate, setDuplicate] = useState<{ kind: 'queued' | 'enrolled'; blocked: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const limits = { min: rule.minLength, max: rule.maxLength };
  const characters = Object.hasOwn(PATTERNS_IN_WORDS, rule.pattern)
    ? PATTERNS_IN_WORDS[rule.pattern]
    : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const userId = normaliseUserId(value);
    const localProblem = checkUserId(userId, rule);
    setProblem(localProblem);
    setError(null);
    if (localProblem) return;
    try {
      const answer = await kiosk().checkUserId({ userId });
      if (answer.problem) return setProblem(answer.problem);
      if (answer.duplicate && (answer.blocked || duplicate === null)) {
        setDuplicate({ kind: answer.duplicate, blocked: answer.blocked });
        return;
      }
      updateFlow({
        userId: answer.userId,
        duplicateWarning: answer.duplicate,
        reference: newEnrollmentReference(),
      });
      go('consent');
    } catch (failure) {
      const { reason, action } = describeKioskError(t, asKioskError(failure));
      setError(action ? `${reason} ${action}` : reason);
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
          aria-describedby="user-id-rule user-id-problem"
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(null);
            setDuplicate(null);
          }}
        />
        <p id="user-id-rule" className="hint" data-testid="user-id-rule">
          {t('userId.rule.length', limits)}
          {characters && ` ${t(`userId.rule.${characters}`)}`}
        </p>
        <p id="user-id-problem" className="error" role="alert">
          {problem ? t(`userId.problems.${problem}`, limits) : (error ?? '')}
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
