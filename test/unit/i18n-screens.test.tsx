// @vitest-environment jsdom
// Every screen, and every result code, job error, paused-queue reason and refused request main can send, rendered
// for real (React in jsdom, the kiosk's own i18next setup and store) under French, Swahili and Portuguese — and
// English, for missing keys. A render fails on any English sentence on screen (from en.ts, from main's English
// tables, or from the English reason/action/message the fixture carries, which is what main sends) and on any
// key the shown language lacks (no fallback to English here). Each code must also show its own translation.
import i18next from 'i18next';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_ERROR_CODES, KioskError, type KioskErrorPayload } from '../../app/errors';
import { AUDIT_ACTIONS } from '../../app/audit/actions';
import { SHARED_PIN_OPERATOR_ID, SYSTEM_ACTOR } from '../../app/audit/entry';
import type { KioskApi, ResponseOf } from '../../app/ipc/channels';
import { CIRCUIT_PROBLEMS, IMAGES_EXPIRED_PROBLEMS, INTERNAL_JOB_PROBLEMS } from '../../app/job-problems';
import { JOB_STATES, type JobState } from '../../app/job-states';
import { PIN_LOCK_REASONS, type SessionGrant } from '../../app/operator-session';
import type { CircuitStatus, HealthStatus, JobError, JobSummary } from '../../app/queue';
import { DEFAULT_SETTINGS, type PublicSettings } from '../../app/settings';
import { SMILE_ID_ERROR_CODES, UNKNOWN_ERROR_CODE } from '../../app/smileid/error-codes';
import { FAILURE_KINDS } from '../../app/smileid/failure-kinds';
import {
  FALLBACK_RESULTS,
  SMART_SELFIE_RESULT_CODES,
  type ResultCodeInfo,
} from '../../app/smileid/result-codes';
import { CAMERA_PROBLEM_ADVICE } from '../../renderer/capture/camera-problems';
import { RecoveryCodeNotice } from '../../renderer/components/RecoveryCodeNotice';
import { describeCircuit, describeJobError, describeKioskError } from '../../renderer/i18n/describe';
import { en } from '../../renderer/i18n/en';
import { initI18n, TRANSLATIONS } from '../../renderer/i18n';
import { App } from '../../renderer/src/App';
import { useKiosk, type CameraProblem, type KioskState } from '../../renderer/store/kiosk-store';

declare global {
  // React's switch for act() outside a test renderer.
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

type Language = keyof typeof TRANSLATIONS;
const OTHER_LANGUAGES = ['fr', 'sw', 'pt'] as const satisfies readonly Language[];

// ---- what counts as English on screen ----------------------------------------------------------------------

/** Names that are the same in every language. */
const BRANDS = new Set(['Smile ID', 'SmartSelfie']);

function leaves(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

/**
 * The English sentences of en.ts that `language` says differently, cut at their placeholders; only pieces of
 * two words or more, so a word that is rightly the same ("PIN") is not taken for a leak.
 */
function englishOfTables(language: Language): string[] {
  const theirs = new Map(leaves(TRANSLATIONS[language]));
  return leaves(en)
    .filter(([key, words]) => theirs.get(key) !== words)
    .flatMap(([, words]) => words.split(/\{\{[^}]*\}\}|\$t\([^)]*\)/))
    .map((piece) => piece.trim())
    .filter((piece) => piece.split(/\s+/).length >= 2 && !BRANDS.has(piece));
}

/** Main's English for logs, from the code tables: never for a screen. */
const ENGLISH_OF_MAIN = [
  ...Object.values(SMART_SELFIE_RESULT_CODES).map((info) => info.reason),
  ...Object.values(FALLBACK_RESULTS).map((info) => info.reason),
  ...[...Object.values(SMILE_ID_ERROR_CODES), ...Object.values(FAILURE_KINDS), UNKNOWN_ERROR_CODE].flatMap(
    (info) => [info.reason, info.action],
  ),
  // The capture code's own English advice for camera problems (the screen has its words in renderer/i18n).
  ...Object.values(CAMERA_PROBLEM_ADVICE).flatMap((advice) => [advice.title, advice.action]),
];

// ---- fixtures: what main sends -------------------------------------------------------------------------------

const NOW = Date.now();
let sequence = 0;

function job(state: JobState, extra: Partial<JobSummary> = {}): JobSummary {
  sequence++;
  return {
    jobId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    userId: `CUST-${sequence}`,
    state,
    createdAt: NOW - sequence * 60_000,
    updatedAt: NOW,
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    result: null,
    completedAt: null,
    operatorId: null,
    ...extra,
  };
}

function resultJob(code: string, info: ResultCodeInfo): JobSummary {
  return job(info.outcome, {
    result: {
      outcome: info.outcome,
      final: info.outcome !== 'provisional',
      resultCode: code,
      resultText: `Smile ID text ${code}`,
      reason: info.reason,
      nextStep: info.nextStep,
      smileJobId: '0000000001',
    },
  });
}

/** Every Smile ID result code, and an unknown one for each outcome (the fallback). */
const RESULT_JOBS: readonly { label: string; job: JobSummary }[] = [
  ...Object.entries(SMART_SELFIE_RESULT_CODES).map(([code, info]) => ({
    label: `result ${code}`,
    job: resultJob(code, info),
  })),
  ...Object.entries(FALLBACK_RESULTS).map(([outcome, info]) => ({
    label: `unknown result code, ${outcome}`,
    job: resultJob('0999', info),
  })),
];

function jobError(kind: string, code: string | null, errorClass: JobError['errorClass']): JobError {
  return {
    kind,
    code,
    errorClass,
    reason: `English reason for ${kind} ${code ?? ''}, as main logs it.`,
    action: `English action for ${kind} ${code ?? ''}, as main logs it.`,
  };
}

/** Every failure kind, Smile ID error code and problem of the kiosk's own, with main's English beside it. */
const JOB_ERRORS: readonly JobError[] = [
  ...Object.entries(FAILURE_KINDS).map(([kind, info]) => ({ ...jobError(kind, null, info.class), ...info })),
  ...Object.entries(SMILE_ID_ERROR_CODES).map(([code, info]) => ({
    ...jobError('api_error', code, info.class),
    reason: info.reason,
    action: info.action,
  })),
  { ...jobError('api_error', '2999', UNKNOWN_ERROR_CODE.class), ...UNKNOWN_ERROR_CODE },
  ...INTERNAL_JOB_PROBLEMS.map((code) => jobError('internal', code, 'permanent')),
  ...IMAGES_EXPIRED_PROBLEMS.map((code) => jobError('images_expired', code, 'permanent')),
  // An older record without a code, and kinds this kiosk has no words for: the class's words.
  jobError('images_expired', null, 'permanent'),
  jobError('from_a_newer_main', null, 'transient'),
  jobError('from_a_newer_main', null, 'systemic'),
];

const CIRCUITS: readonly CircuitStatus[] = [
  ...CIRCUIT_PROBLEMS.map((kind) => circuit(kind, null)),
  circuit('api_error', '2204'),
  circuit('api_error', '2205'),
  circuit('tls', null),
  circuit('response_signature_invalid', null),
  circuit(null, null),
];

function circuit(kind: string | null, code: string | null): CircuitStatus {
  return {
    open: true,
    kind,
    code,
    reason: `English pause reason ${kind ?? ''} ${code ?? ''}, as main logs it.`,
    action: `English pause action ${kind ?? ''} ${code ?? ''}, as main logs it.`,
    since: NOW - 60_000,
  };
}

function kioskError(code: KioskErrorPayload['code']): KioskErrorPayload {
  return {
    code,
    message: `Invalid request for updateSettings: patch.callbackUrl: Invalid URL (${code})`,
    action: `Reload the kiosk (${code}).`,
    // The kind of params main sends (H2's refused settings, tries left …): plain scalars.
    params: { field: 'callbackUrl', problem: 'not_https', count: 2 },
  };
}

function health(patch: Partial<HealthStatus> = {}): HealthStatus {
  return {
    online: true,
    circuit: { open: false, kind: null, code: null, reason: null, action: null, since: null },
    clockSkewMs: null,
    clockSkewExceeded: false,
    freeDiskBytes: 10_000_000_000,
    counts: Object.fromEntries(JOB_STATES.map((state) => [state, 1])) as HealthStatus['counts'],
    sentToday: 3,
    lastSuccessfulSendAt: NOW - 120_000,
    training: true,
    ...patch,
  };
}

const SETTINGS: PublicSettings = {
  ...DEFAULT_SETTINGS,
  apiKeySet: true,
  pinSet: true,
  pinState: 'set',
  pinLockReason: null,
  recoveryCodeSet: true,
  configured: true,
};

const SESSION: SessionGrant = {
  token: 'a'.repeat(43),
  kind: 'elevated',
  operatorId: 'supervisor',
  displayName: 'Supervisor',
  role: 'supervisor',
  scope: 'full',
  expiresAt: NOW + 600_000,
  idleMs: null,
};

/** An operator on shift (an enrollment's operator). */
const SHIFT: SessionGrant = {
  ...SESSION,
  token: 'b'.repeat(43),
  kind: 'shift',
  operatorId: 'amina',
  displayName: 'Amina Njeri',
  role: 'operator',
  idleMs: 15 * 60_000,
};

/** The Operators screen's list: a supervisor, an operator who must choose a PIN, a disabled one. */
const OPERATORS: ResponseOf<'listOperators'>['operators'] = [
  {
    operatorId: 'supervisor',
    displayName: 'Supervisor',
    role: 'supervisor',
    enabled: true,
    pinChangeRequired: false,
    lockedUntil: null,
    recoveryAccount: true,
  },
  {
    operatorId: 'amina',
    displayName: 'Amina Njeri',
    role: 'operator',
    enabled: true,
    pinChangeRequired: true,
    lockedUntil: null,
    recoveryAccount: false,
  },
  {
    operatorId: 'juma',
    displayName: 'Juma',
    role: 'operator',
    enabled: false,
    pinChangeRequired: false,
    lockedUntil: NOW + 60_000,
    recoveryAccount: false,
  },
];

/** A page of the audit trail with one entry of every action the kiosk records, by each kind of actor. */
const AUDIT_PAGE: ResponseOf<'listAudit'> = {
  entries: AUDIT_ACTIONS.map((action, index) => ({
    v: 1,
    seq: AUDIT_ACTIONS.length - index,
    at: new Date(NOW - index * 60_000).toISOString(),
    atMs: NOW - index * 60_000,
    kioskId: 'K-01',
    branch: 'Branch',
    actor: [
      SYSTEM_ACTOR,
      { kind: 'operator' as const, operatorId: SHARED_PIN_OPERATOR_ID, role: 'supervisor' as const },
      { kind: 'operator' as const, operatorId: null, role: null },
    ][index % 3]!,
    action,
    subject: { jobId: '00000000-0000-4000-8000-000000000001', userId: 'CUST-AUDIT' },
    details: {},
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
  })),
  matched: AUDIT_ACTIONS.length,
  nextBeforeSeq: null,
  head: { seq: AUDIT_ACTIONS.length, hash: 'a'.repeat(64) },
  integrity: { ok: true, problem: null },
};

/** window.kiosk as the screens see it: the queue answers `queue`; every other call stays pending. */
function stubKiosk(queue: () => Promise<{ jobs: JobSummary[] }>): KioskApi {
  const answers: Partial<KioskApi> = {
    getQueue: queue,
    listAudit: async () => AUDIT_PAGE,
    listOperators: async () => ({ operators: OPERATORS }),
    onEvent: () => () => undefined,
  };
  return new Proxy(answers, {
    get: (target, name) => target[name as keyof KioskApi] ?? (() => new Promise(() => undefined)),
  }) as KioskApi;
}

// ---- rendering ----------------------------------------------------------------------------------------------

const missing: string[] = [];

beforeAll(async () => {
  await initI18n('en', (language, what) => missing.push(`${language}: ${what}`));
});

interface Scene {
  readonly label: string;
  readonly state: Partial<KioskState>;
  /** What the operator does before the screen is read (open a dialog, type, send a form …), step by step. */
  readonly steps?: readonly ((container: HTMLElement) => void)[];
  /** Main's English this scene carries, which must not be shown. */
  readonly english?: readonly string[];
  /** Translation keys (with values) whose words must be shown. */
  readonly expect?: readonly string[];
}

/** Every piece of text a person can see or hear: text, and the labels a screen reader speaks. */
function shownText(container: HTMLElement): string {
  const labels = [...container.querySelectorAll('*')].flatMap((element) =>
    ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
  );
  return [container.textContent ?? '', ...labels].join('\n');
}

function settle(): Promise<void> {
  return act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function render(scene: Scene, component = <App />): Promise<string> {
  const initial = useKiosk.getInitialState();
  useKiosk.setState(
    {
      ...initial,
      kiosk: stubKiosk(async () => ({ jobs: Object.values(useKiosk.getState().jobs) })),
      settings: SETTINGS,
      health: health(),
      screen: 'home',
      ...scene.state,
      flow: { ...initial.flow, userId: 'CUST-42', ...scene.state.flow },
    },
    true,
  );
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  try {
    await act(async () => root.render(component));
    await settle();
    for (const step of scene.steps ?? []) {
      await act(async () => step(container));
      // An answer from main (often a refusal) arrives a turn or two later.
      await settle();
      await settle();
    }
    return shownText(container);
  } finally {
    await act(async () => root.unmount());
    container.remove();
  }
}

function click(container: HTMLElement, selector: string): void {
  const target = container.querySelector<HTMLElement>(selector);
  if (!target) throw new Error(`nothing to click at ${selector}`);
  target.click();
}

/** Types into a React-controlled input as a person would (the value, then the input event React listens to). */
function fill(container: HTMLElement, testId: string, value: string): void {
  const input = container.querySelector<HTMLInputElement>(`[data-testid=${testId}]`);
  if (!input) throw new Error(`no input ${testId}`);
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** window.kiosk refusing every call with `error`, as main does when it says no. */
function refusingKiosk(error: KioskErrorPayload): KioskApi {
  const answers: Partial<KioskApi> = { onEvent: () => () => undefined };
  return new Proxy(answers, {
    get: (target, name) =>
      target[name as keyof KioskApi] ?? (() => Promise.reject(KioskError.fromPayload(error))),
  }) as KioskApi;
}

/** What is wrong with one scene in one language: English shown, keys missing, expected words absent. */
async function problemsOf(
  scene: Scene,
  language: Language,
  component?: React.JSX.Element,
): Promise<string[]> {
  missing.length = 0;
  const text = await render(scene, component);
  const problems = missing.map((what) => `${scene.label}: missing ${what}`);
  if (language !== 'en') {
    const english = [...englishOfTables(language), ...ENGLISH_OF_MAIN, ...(scene.english ?? [])];
    for (const sentence of new Set(english)) {
      if (text.includes(sentence)) problems.push(`${scene.label}: English "${sentence}"`);
    }
  }
  for (const words of scene.expect ?? []) {
    if (!text.includes(words)) problems.push(`${scene.label}: does not show "${words}"`);
  }
  return problems;
}

/** The words of a key in the current language (what the screen must show). */
function words(key: string, options: Record<string, unknown> = {}): string {
  return i18next.t(key, options);
}

afterEach(() => {
  useKiosk.setState(useKiosk.getInitialState(), true);
});

// ---- the scenes ---------------------------------------------------------------------------------------------

const CAMERA_PROBLEMS = Object.keys(CAMERA_PROBLEM_ADVICE) as CameraProblem[];

function screenScenes(): Scene[] {
  const operator = { session: SESSION, screen: 'operator' as const };
  return [
    { label: 'home', state: { screen: 'home' } },
    {
      label: 'home, PIN dialog',
      state: { screen: 'home' },
      steps: [(c) => click(c, '[data-testid=open-operator]')],
    },
    { label: 'home, offline', state: { screen: 'home', health: health({ online: false }) } },
    { label: 'home, exit chord PIN', state: { screen: 'home', exitRequested: true } },
    {
      label: 'home, on shift',
      state: { screen: 'home', shift: SHIFT },
      expect: [words('shift.signedInAs', { name: 'Amina Njeri' }), words('shift.signOut')],
    },
    {
      label: 'operators',
      state: { screen: 'operators', session: SESSION },
      expect: [
        words('operators.roles.supervisor'),
        words('operators.roles.operator'),
        words('operators.pinToChoose'),
        words('operators.disabled'),
      ],
    },
    {
      label: 'operators, add one',
      state: { screen: 'operators', session: SESSION },
      steps: [(c) => click(c, '[data-testid=operators-add]')],
      expect: [words('operators.temporaryPinHint')],
    },
    {
      label: 'operators, reset a PIN',
      state: { screen: 'operators', session: SESSION },
      steps: [(c) => click(c, '[data-operator-id=amina] [data-testid=operator-reset-pin]')],
      expect: [words('operators.resetTitle', { name: 'Amina Njeri' })],
    },
    {
      label: 'operator panel, a job with its operator',
      state: { session: SESSION, screen: 'operator', jobs: byId([job('approved', { operatorId: 'amina' })]) },
      expect: [words('shift.enrolledBy', { operator: 'amina' })],
    },
    {
      label: 'first-run setup',
      state: {
        screen: 'setup',
        settings: { ...SETTINGS, pinState: 'unset', pinSet: false, configured: false },
      },
    },
    { label: 'setup, signed in', state: { screen: 'setup', session: SESSION } },
    { label: 'setup, not signed in', state: { screen: 'setup' } },
    { label: 'user ID', state: { screen: 'userId' } },
    { label: 'consent', state: { screen: 'consent' } },
    { label: 'capture (no camera in jsdom)', state: { screen: 'capture' } },
    { label: 'review', state: { screen: 'review' } },
    { label: 'change PIN (short PIN)', state: { screen: 'changePin', session: SESSION } },
    {
      label: 'change PIN (recovery)',
      state: { screen: 'changePin', session: SESSION, pinChange: { reason: 'recovery', next: 'setup' } },
    },
    { label: 'forgot PIN', state: { screen: 'recover' } },
    ...PIN_LOCK_REASONS.map((reason) => ({
      label: `kiosk locked: ${reason}`,
      state: {
        screen: 'recover' as const,
        settings: { ...SETTINGS, pinState: 'locked' as const, pinLockReason: reason },
      },
    })),
    ...CAMERA_PROBLEMS.map((problem) => ({
      label: `camera problem ${problem}`,
      state: {
        screen: 'cameraProblem' as const,
        flow: { ...useKiosk.getInitialState().flow, cameraProblem: problem },
      },
      expect: [words(`camera.${problem}`)],
    })),
    { label: 'operator panel, empty', state: { ...operator, jobs: {} }, expect: [words('operator.empty')] },
    {
      label: 'operator panel, a filter nothing matches',
      state: { ...operator, jobs: byId([job('approved')]) },
      steps: [(c) => click(c, '[data-testid=operator-filter-rejected]')],
      expect: [words('operator.noMatch')],
    },
    {
      label: 'operator panel, discard dialog',
      state: { ...operator, jobs: byId([job('needs_attention', { userId: 'CUST-DISCARD' })]) },
      steps: [(c) => click(c, '[data-testid=job-discard]')],
      expect: [words('operator.confirmDiscard', { userId: 'CUST-DISCARD' })],
    },
    {
      label: 'operator panel, clock off',
      state: { ...operator, health: health({ clockSkewMs: -9 * 60_000, clockSkewExceeded: true }) },
    },
    {
      label: 'operator panel, approve re-enrollment dialog',
      state: {
        ...operator,
        jobs: byId([
          job('needs_attention', {
            userId: 'CUST-AGAIN',
            lastError: jobError('api_error', '2209', 'permanent'),
          }),
        ]),
      },
      steps: [(c) => click(c, '[data-testid=job-approveReEnrollment]')],
      expect: [
        words('operator.reEnroll.confirm', { userId: 'CUST-AGAIN' }),
        words('operator.reEnroll.approve'),
      ],
    },
    {
      label: 'operator panel, end of day',
      state: {
        ...operator,
        jobs: byId([job('approved', { operatorId: 'amina' }), job('rejected'), job('queued')]),
      },
      steps: [(c) => click(c, '[data-testid=operator-tab-day]')],
      expect: [
        words('operator.day.title'),
        words('operator.day.notNamed'),
        words('operator.day.allOperators'),
        words('operator.day.kept', { count: DEFAULT_SETTINGS.retentionDays }),
      ],
    },
    {
      label: 'operator panel, end of day without enrollments',
      state: { ...operator, jobs: {} },
      steps: [(c) => click(c, '[data-testid=operator-tab-day]')],
      expect: [words('operator.day.none')],
    },
    {
      label: 'operator panel, audit trail with every action',
      state: operator,
      steps: [(c) => click(c, '[data-testid=operator-tab-audit]')],
      expect: [
        ...AUDIT_ACTIONS.map((action) => words(`operator.audit.actions.${action}`)),
        words('operator.audit.actors.system'),
        words('operator.audit.actors.kioskPin'),
        words('operator.audit.actors.notSignedIn'),
        words('operator.audit.whole', { seq: AUDIT_ACTIONS.length }),
      ],
    },
    {
      label: 'operator panel, audit trail, an operator ID main would refuse',
      state: operator,
      steps: [
        (c) => click(c, '[data-testid=operator-tab-audit]'),
        (c) => fill(c, 'audit-operatorId', 'no spaces allowed'),
        (c) => click(c, '[data-testid=audit-show]'),
      ],
      expect: [words('operator.audit.problems.operatorId')],
    },
    {
      label: 'operator panel, support',
      state: operator,
      steps: [(c) => click(c, '[data-testid=operator-tab-support]')],
      expect: [words('operator.support.explain'), words('operator.support.export')],
    },
  ];
}

function byId(jobs: readonly JobSummary[]): Record<string, JobSummary> {
  return Object.fromEntries(jobs.map((each) => [each.jobId, each]));
}

/** The result screen for one job. */
function resultScene(label: string, shown: JobSummary, extra: Partial<Scene> = {}): Scene {
  return {
    label,
    state: {
      screen: 'result',
      jobs: byId([shown]),
      flow: { ...useKiosk.getInitialState().flow, userId: shown.userId, jobId: shown.jobId },
      ...extra.state,
    },
    english: [shown.result?.reason, shown.lastError?.reason, shown.lastError?.action].filter(
      (text): text is string => text !== undefined,
    ),
    ...(extra.expect ? { expect: extra.expect } : {}),
  };
}

// ---- the tests ----------------------------------------------------------------------------------------------

describe.each(['en', ...OTHER_LANGUAGES] as const)('in %s', (language) => {
  beforeAll(async () => {
    await act(async () => {
      await i18next.changeLanguage(language);
    });
  });

  it('every screen speaks the language, with no key missing', async () => {
    const problems: string[] = [];
    for (const scene of screenScenes()) problems.push(...(await problemsOf(scene, language)));
    problems.push(
      ...(await problemsOf(
        { label: 'recovery code notice', state: {} },
        language,
        <RecoveryCodeNotice code="ABCD-EFGH-IJKL" onDone={() => undefined} />,
      )),
    );
    expect(problems).toEqual([]);
  });

  it('the result screen says every result code, and an unknown one by its outcome', async () => {
    const problems: string[] = [];
    for (const { label, job: shown } of RESULT_JOBS) {
      const result = shown.result!;
      const known = Object.hasOwn(en.result.codes, result.resultCode ?? '');
      const expected = [
        words(known ? `result.codes.${result.resultCode}` : `result.fallback.${result.outcome}`),
      ];
      if (result.nextStep !== 'none') expected.push(words(`result.nextStep.${result.nextStep}`));
      problems.push(...(await problemsOf(resultScene(label, shown, { expect: expected }), language)));
    }
    expect(problems).toEqual([]);
  });

  it('the result screen says every job error, and a problem it has no words for by its class', async () => {
    const problems: string[] = [];
    for (const error of JOB_ERRORS) {
      const described = describeJobError(i18next.t, error);
      const label = `job error ${error.kind} ${error.code ?? ''}`;
      const scene = resultScene(label, job('needs_attention', { lastError: error }), {
        expect: [described.reason, described.action ?? ''],
      });
      problems.push(...(await problemsOf(scene, language)));
    }
    // Still sending, after a failed try: the reason, not main's English.
    const retrying = job('queued', { lastError: JOB_ERRORS.find((error) => error.kind === 'server_error')! });
    problems.push(...(await problemsOf(resultScene('sending after a failed try', retrying), language)));
    const offline = job('queued', { lastError: JOB_ERRORS.find((error) => error.kind === 'network')! });
    problems.push(
      ...(await problemsOf(
        resultScene('saved offline', offline, { state: { health: health({ online: false }) } }),
        language,
      )),
    );
    problems.push(...(await problemsOf(resultScene('submitted', job('submitted')), language)));
    expect(problems).toEqual([]);
  });

  it('every KioskError code, on the result screen and as the fatal screen', async () => {
    const problems: string[] = [];
    for (const code of KIOSK_ERROR_CODES) {
      const error = kioskError(code);
      const described = describeKioskError(i18next.t, error);
      const expected = [described.reason, described.action ?? ''];
      const english = [error.message, error.action];
      const submitted = {
        label: `submission refused: ${code}`,
        state: {
          screen: 'result' as const,
          flow: { ...useKiosk.getInitialState().flow, submitError: error },
        },
        english,
        expect: expected,
      };
      problems.push(...(await problemsOf(submitted, language)));
      problems.push(
        ...(await problemsOf(
          { label: `fatal: ${code}`, state: { fatal: error }, english, expect: expected },
          language,
        )),
      );
    }
    expect(problems).toEqual([]);
  });

  it('the operator panel says every job, every refusal of the panel and every paused queue', async () => {
    const problems: string[] = [];
    const everyJob = [
      ...RESULT_JOBS.map((each) => each.job),
      ...JOB_ERRORS.map((error) => job('needs_attention', { lastError: error })),
      ...JOB_ERRORS.map((error) => job('queued', { lastError: error })),
      ...JOB_STATES.map((state) => job(state)),
    ];
    const jobsEnglish = everyJob.flatMap((each) => [
      each.result?.reason ?? '',
      each.lastError?.reason ?? '',
      each.lastError?.action ?? '',
    ]);
    problems.push(
      ...(await problemsOf(
        {
          label: 'operator panel, every job',
          state: { screen: 'operator', session: SESSION, jobs: byId(everyJob) },
          english: jobsEnglish.filter(Boolean),
          expect: [
            ...JOB_STATES.map((state) => words(`operator.states.${state}`)),
            ...JOB_ERRORS.map((error) => describeJobError(i18next.t, error).reason),
          ],
        },
        language,
      )),
    );
    for (const paused of CIRCUITS) {
      const described = describeCircuit(i18next.t, paused)!;
      for (const screen of ['operator', 'home'] as const) {
        problems.push(
          ...(await problemsOf(
            {
              label: `${screen}, queue paused by ${paused.kind ?? 'nothing named'} ${paused.code ?? ''}`,
              state: { screen, session: SESSION, health: health({ circuit: paused }) },
              english: [paused.reason!, paused.action!],
              expect: screen === 'operator' ? [described.reason] : [],
            },
            language,
          )),
        );
      }
    }
    for (const code of KIOSK_ERROR_CODES.filter(
      (each) => each !== 'session_expired' && each !== 'pin_required',
    )) {
      const error = kioskError(code);
      problems.push(
        ...(await problemsOf(
          {
            label: `operator panel, the queue refused: ${code}`,
            state: {
              screen: 'operator',
              session: SESSION,
              kiosk: stubKiosk(() => Promise.reject(KioskError.fromPayload(error))),
            },
            english: [error.message, error.action],
            expect: [describeKioskError(i18next.t, error).reason],
          },
          language,
        )),
      );
    }
    expect(problems).toEqual([]);
  });

  it('every form that sends something to main says a refusal in the language', async () => {
    const problems: string[] = [];
    // Codes a form can meet; the session-gone ones send the operator back to rest instead.
    for (const code of [
      'invalid_request',
      'not_allowed',
      'not_configured',
      'kiosk_locked',
      'internal',
    ] as const) {
      const error = kioskError(code);
      const refused = { kiosk: refusingKiosk(error) };
      const english = [error.message, error.action];
      const scenes: Scene[] = [
        {
          label: `PIN refused: ${code}`,
          state: { ...refused, screen: 'home' },
          steps: [
            (c) => click(c, '[data-testid=open-operator]'),
            (c) => fill(c, 'pin-operator-id', 'supervisor'),
            (c) => fill(c, 'pin-input', '123456'),
            (c) => click(c, '[data-testid=pin-submit]'),
          ],
          english,
          expect: [words(`kioskError.${code}.message`)],
        },
        {
          label: `shift sign-in refused: ${code}`,
          state: { ...refused, screen: 'home' },
          steps: [
            (c) => fill(c, 'sign-in-operator', 'amina'),
            (c) => fill(c, 'sign-in-pin', '123456'),
            (c) => click(c, '[data-testid=pin-submit]'),
          ],
          english,
          expect: [words(`kioskError.${code}.message`)],
        },
        {
          label: `new operator refused: ${code}`,
          state: { ...refused, screen: 'operators', session: SESSION },
          steps: [
            (c) => click(c, '[data-testid=operators-add]'),
            (c) => fill(c, 'operator-new-id', 'amina'),
            (c) => fill(c, 'operator-new-name', 'Amina Njeri'),
            (c) => fill(c, 'operator-new-pin', '24681357'),
            (c) => click(c, '[data-testid=pin-submit]'),
          ],
          english,
          expect: [words(`kioskError.${code}.message`)],
        },
        {
          label: `user ID refused: ${code}`,
          state: { ...refused, screen: 'userId' },
          steps: [
            (c) => fill(c, 'user-id-input', 'CUST-12345'),
            (c) => click(c, '[data-testid=user-id-submit]'),
          ],
          english,
        },
        {
          label: `recovery code refused: ${code}`,
          state: { ...refused, screen: 'recover' },
          steps: [
            (c) => fill(c, 'recovery-code-input', 'ABCD-EFGH'),
            (c) => click(c, '[data-testid=recovery-submit]'),
          ],
          english,
        },
        {
          label: `new PIN refused: ${code}`,
          state: { ...refused, screen: 'changePin', session: SESSION },
          steps: [
            (c) => fill(c, 'change-pin-new', '24681357'),
            (c) => fill(c, 'change-pin-confirm', '24681357'),
            (c) => click(c, '[data-testid=change-pin-save]'),
          ],
          english,
        },
      ];
      for (const scene of scenes) problems.push(...(await problemsOf(scene, language)));
    }
    expect(problems).toEqual([]);
  });
});
