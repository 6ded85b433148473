// The kiosk's named operators, for supervisors (docs/operators.md): who may sign in, with which role, and the
// ways a supervisor manages them — add one with a temporary PIN, disable or enable, reset a forgotten PIN, change
// the role. Main enforces every rule (unique IDs, the last supervisor, ending the sessions of a changed operator);
// this screen says main's refusals in the operator's language. Reached from the operator panel under the same
// elevated session; leaving the operator screens ends it.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskErrorPayload } from '../../app/errors';
import { OPERATOR_ROLES, type OperatorRole } from '../../app/operator-session';
import { OPERATOR_ID_PATTERN, type OperatorSummary } from '../../app/operators';
import { NumberPad } from '../components/NumberPad';
import { describeKioskError } from '../i18n/describe';
import { asKioskError, go, kiosk, resetFlow, sessionToken, useKiosk } from '../store/kiosk-store';
import { useCountAsOpenDialog } from '../store/open-dialogs';
import { isSessionGone } from '../store/operator-session';

const MAX_PIN_DIGITS = 12;
const NEW_PIN = /^\d{6,12}$/;
/** The role a "change role" press gives: the other one. */
const OTHER_ROLE: Readonly<Record<OperatorRole, OperatorRole>> = {
  operator: 'supervisor',
  supervisor: 'operator',
};
const ROLE_CHANGE_LABEL: Readonly<
  Record<OperatorRole, 'operators.makeSupervisor' | 'operators.makeOperator'>
> = {
  operator: 'operators.makeSupervisor',
  supervisor: 'operators.makeOperator',
};

/** The button on the operator panel that opens this screen; shown to supervisors only (main checks anyway). */
export function OperatorsButton() {
  const { t } = useTranslation();
  const role = useKiosk((state) => state.session?.role ?? null);
  if (role !== 'supervisor') return null;
  return (
    <button className="secondary" data-testid="open-operators" onClick={() => go('operators')}>
      {t('operators.open')}
    </button>
  );
}

/** A refusal of main in the operator's words: the two this screen expects by name, the rest as any screen does. */
function refusalText(t: ReturnType<typeof useTranslation>['t'], refused: KioskErrorPayload): string {
  if (refused.params?.reason === 'last_supervisor') return t('operators.lastSupervisor');
  if (refused.params?.field === 'operatorId' && refused.params.problem === 'taken')
    return t('operators.idTaken');
  const { reason, action } = describeKioskError(t, refused);
  return action ? `${reason} ${action}` : reason;
}

type Editing = { readonly kind: 'create' } | { readonly kind: 'reset'; readonly operator: OperatorSummary };

export function OperatorsScreen() {
  const { t } = useTranslation();
  const [operators, setOperators] = useState<readonly OperatorSummary[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  /** Runs a call of main; a refusal is shown, a session that is gone sends the kiosk back to rest. */
  const call = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      const answer = await work();
      setProblem(null);
      return answer;
    } catch (error) {
      const refused = asKioskError(error);
      if (isSessionGone(refused.code)) resetFlow();
      else setProblem(refusalText(t, refused));
      return undefined;
    }
  };
  const reload = () =>
    call(async () => setOperators((await kiosk().listOperators({ grant: sessionToken() })).operators));
  useEffect(() => void reload(), []);

  /** A change to one operator, then the list again (a change can end sessions and touch other rows' state). */
  const change = async (operator: OperatorSummary, patch: { enabled?: boolean; role?: OperatorRole }) => {
    setNotice(null);
    const changed = await call(() =>
      kiosk().updateOperator({ grant: sessionToken(), operatorId: operator.operatorId, ...patch }),
    );
    if (changed) await reload();
  };

  const saved = async (message: string) => {
    setEditing(null);
    setNotice(message);
    await reload();
  };

  return (
    <main className="screen operator operators" data-testid="operators">
      <header className="row">
        <h1>{t('operators.title')}</h1>
        <button
          className="primary"
          data-testid="operators-add"
          onClick={() => {
            setNotice(null);
            setEditing({ kind: 'create' });
          }}
        >
          {t('operators.add')}
        </button>
        <button className="secondary" data-testid="operators-back" onClick={() => go('operator')}>
          {t('operators.back')}
        </button>
      </header>
      {notice && (
        <p className="ok" role="status" data-testid="operators-notice">
          {notice}
        </p>
      )}
      {problem && !editing && (
        <p className="error" role="alert" data-testid="operators-problem">
          {problem}
        </p>
      )}
      <table className="jobs" data-testid="operators-list">
        <thead>
          <tr>
            <th scope="col">{t('operators.columns.id')}</th>
            <th scope="col">{t('operators.columns.name')}</th>
            <th scope="col">{t('operators.columns.role')}</th>
            <th scope="col">{t('operators.columns.status')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {operators.map((operator) => (
            <tr
              key={operator.operatorId}
              data-operator-id={operator.operatorId}
              data-role={operator.role}
              data-enabled={operator.enabled}
            >
              <td className="user-id">{operator.operatorId}</td>
              <td>{operator.displayName}</td>
              <td>{t(`operators.roles.${operator.role}`)}</td>
              <td>
                <div>{t(operator.enabled ? 'operators.enabled' : 'operators.disabled')}</div>
                {operator.pinChangeRequired && <div className="reference">{t('operators.pinToChoose')}</div>}
                {operator.lockedUntil !== null && <div className="reference">{t('operators.locked')}</div>}
                {operator.recoveryAccount && (
                  <div className="reference">{t('operators.recoveryAccount')}</div>
                )}
              </td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    className={operator.enabled ? 'danger' : 'secondary'}
                    data-testid="operator-toggle"
                    onClick={() => void change(operator, { enabled: !operator.enabled })}
                  >
                    {t(operator.enabled ? 'operators.disable' : 'operators.enable')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    data-testid="operator-reset-pin"
                    onClick={() => {
                      setNotice(null);
                      setEditing({ kind: 'reset', operator });
                    }}
                  >
                    {t('operators.resetPin')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    data-testid="operator-role"
                    onClick={() => void change(operator, { role: OTHER_ROLE[operator.role] })}
                  >
                    {t(ROLE_CHANGE_LABEL[operator.role])}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <OperatorForm
          editing={editing}
          problem={problem}
          onProblem={setProblem}
          onCancel={() => {
            setEditing(null);
            setProblem(null);
          }}
          onSave={async (form) => {
            if (editing.kind === 'create') {
              const created = await call(() => kiosk().createOperator({ grant: sessionToken(), ...form }));
              if (created) await saved(t('operators.created', { name: created.displayName }));
              return;
            }
            const reset = await call(() =>
              kiosk().resetOperatorPin({
                grant: sessionToken(),
                operatorId: editing.operator.operatorId,
                temporaryPin: form.temporaryPin,
              }),
            );
            if (reset) await saved(t('operators.pinReset', { name: reset.displayName }));
          }}
        />
      )}
    </main>
  );
}

interface OperatorFormValues {
  readonly operatorId: string;
  readonly displayName: string;
  readonly role: OperatorRole;
  readonly temporaryPin: string;
}

/**
 * A new operator (ID, name, role, temporary PIN) or a reset PIN, in a dialog. The temporary PIN is typed on the
 * number pad (or a keyboard) and lives only here until it is sent.
 */
function OperatorForm(props: {
  editing: Editing;
  problem: string | null;
  onProblem: (problem: string | null) => void;
  onCancel: () => void;
  onSave: (form: OperatorFormValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const creating = props.editing.kind === 'create';
  const [operatorId, setOperatorId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<OperatorRole>('operator');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  useCountAsOpenDialog();
  const digitsOnly = (text: string) => text.replace(/\D/g, '').slice(0, MAX_PIN_DIGITS);

  /** What the form can tell before asking main; main checks all of it again. */
  const localProblem = (): string | null => {
    if (creating && !OPERATOR_ID_PATTERN.test(operatorId.trim().toLowerCase())) return t('operators.idRule');
    if (creating && displayName.trim() === '') return t('operators.nameNeeded');
    if (!NEW_PIN.test(pin)) return t('operators.pinRule');
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = localProblem();
    if (problem) return props.onProblem(problem);
    setBusy(true);
    try {
      await props.onSave({
        operatorId: operatorId.trim().toLowerCase(),
        displayName: displayName.trim(),
        role,
        temporaryPin: pin,
      });
    } finally {
      setPin('');
      setBusy(false);
    }
  };

  const title =
    props.editing.kind === 'create'
      ? t('operators.add')
      : t('operators.resetTitle', { name: props.editing.operator.displayName });
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        data-testid="operator-form"
        onSubmit={submit}
        role="dialog"
        aria-modal="true"
        aria-labelledby="operator-form-title"
      >
        <h2 id="operator-form-title">{title}</h2>
        {creating && (
          <>
            <label htmlFor="operator-new-id">{t('operators.columns.id')}</label>
            <input
              id="operator-new-id"
              data-testid="operator-new-id"
              className="operator-id-input"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={32}
              autoFocus
              value={operatorId}
              onChange={(event) => setOperatorId(event.target.value)}
            />
            <label htmlFor="operator-new-name">{t('operators.name')}</label>
            <input
              id="operator-new-name"
              data-testid="operator-new-name"
              autoComplete="off"
              maxLength={60}
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
            <div role="radiogroup" aria-label={t('operators.role')} className="row-actions">
              {OPERATOR_ROLES.map((choice) => (
                <button
                  key={choice}
                  type="button"
                  role="radio"
                  aria-checked={role === choice}
                  className={role === choice ? 'chip selected' : 'chip'}
                  data-testid={`operator-new-role-${choice}`}
                  onClick={() => setRole(choice)}
                >
                  {t(`operators.roles.${choice}`)}
                </button>
              ))}
            </div>
          </>
        )}
        <label htmlFor="operator-new-pin">{t('operators.temporaryPin')}</label>
        <input
          id="operator-new-pin"
          data-testid="operator-new-pin"
          className="pin-input"
          type="password"
          inputMode="none"
          autoComplete="off"
          maxLength={MAX_PIN_DIGITS}
          autoFocus={!creating}
          value={pin}
          onChange={(event) => setPin(digitsOnly(event.target.value))}
        />
        <p>{t('operators.temporaryPinHint')}</p>
        {props.problem && (
          <p className="error" role="alert" data-testid="operator-form-problem">
            {props.problem}
          </p>
        )}
        <NumberPad
          disabled={busy}
          okDisabled={pin.length < 6}
          onDigit={(digit) => setPin((current) => digitsOnly(current + digit))}
          onErase={() => setPin((current) => current.slice(0, -1))}
        />
        <div className="actions">
          <button
            type="button"
            className="secondary"
            data-testid="operator-form-cancel"
            onClick={props.onCancel}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
