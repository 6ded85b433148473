// Every handler under random payloads (fast-check, fixed printed seed): no crash, no untyped failure, and no
// answer ever carries the API key.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, envelopeSchema, METHOD_NAMES, type MethodName } from '../../app/ipc/channels';
import { KIOSK_ERROR_CODES } from '../../app/errors';
import { startCore, type CoreHarness } from '../support/core-harness';

const SEED = 4_242_026;
const RUNS_PER_CHANNEL = 1_000;
const API_KEY = 'fuzz-secret-api-key-7Qx9';
// 12 digits: a random payload cannot guess it, so no fuzzed settings change can point the kiosk elsewhere.
const PIN = '738205916473';

let h: CoreHarness;

beforeAll(async () => {
  h = await startCore();
  await h.call('setApiKey', { apiKey: API_KEY });
  await h.call('updateSettings', { patch: { kioskId: 'FUZZ' } });
  const { grant } = await h.call('setPin', { newPin: PIN });
  await h.call('endSession', { grant: grant.token });
});

afterAll(async () => {
  await h.close();
});

const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.uint8Array({ maxLength: 64 }).map((tail) => new Uint8Array([0xff, 0xd8, 0xff, ...tail])),
);
const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', 'CUST-0001', '0000', '1234', '../../etc', '\u0000'),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
// Well-formed session tokens, none of them issued: every privileged call must still be refused.
const grant = fc.oneof(text, fc.stringMatching(/^[A-Za-z0-9_-]{43}$/));
// Typed operator IDs: the first supervisor's (a wrong PIN under a real ID), well-formed unknown ones, and junk.
const operatorId = fc.oneof(
  fc.constant('supervisor'),
  fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,30}[a-z0-9]$/),
  text,
  fc.anything(),
);
const role = fc.oneof(fc.constantFrom('operator', 'supervisor', 'admin'), fc.anything());
const newPin = fc.oneof(text, fc.stringMatching(/^\d{6,12}$/));

/** Payloads shaped like each channel's request, with every field possibly wrong, missing or hostile. */
const shaped: Record<MethodName, fc.Arbitrary<unknown>> = {
  submitEnrollment: fc.record(
    {
      grant: maybe(grant),
      reference: fc.oneof(fc.uuid({ version: 4 }), text),
      userId: fc.oneof(text, fc.integer()),
      consent: fc.oneof(fc.record({ given: fc.boolean(), at: fc.integer() }), fc.anything()),
      selfie: fc.oneof(anyBytes, fc.anything()),
      liveness: fc.oneof(fc.array(anyBytes, { maxLength: 12 }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  checkUserId: fc.record({ userId: fc.oneof(text, fc.anything()) }, { requiredKeys: [] }),
  getQueue: fc.oneof(fc.constant({}), fc.object(), fc.record({ grant })),
  retryJob: fc.record({ jobId: fc.oneof(fc.uuid(), text), grant: maybe(grant) }, { requiredKeys: [] }),
  discardJob: fc.record(
    { jobId: fc.oneof(fc.uuid(), text), grant: maybe(grant), pin: maybe(text) },
    { requiredKeys: [] },
  ),
  approveReEnrollment: fc.record(
    { jobId: fc.oneof(fc.uuid(), text), grant: maybe(grant) },
    { requiredKeys: [] },
  ),
  sendNow: fc.oneof(fc.constant({}), fc.object(), fc.record({ grant })),
  getSettings: fc.oneof(fc.constant({}), fc.object()),
  updateSettings: fc.record(
    {
      grant: maybe(grant),
      pin: maybe(fc.oneof(text, fc.stringMatching(/^\d{4,12}$/))),
      newPin: maybe(text),
      patch: fc.oneof(
        fc.object(),
        fc.record(
          {
            environment: fc.constantFrom('training', 'sandbox', 'production', 'custom', 'mars'),
            customApiUrl: fc.oneof(fc.webUrl(), text, fc.constant(null)),
            partnerId: text,
            idleTimeoutSeconds: fc.integer(),
            language: text,
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
  setApiKey: fc.record(
    { grant: maybe(grant), pin: maybe(text), apiKey: fc.oneof(text, fc.anything()) },
    { requiredKeys: [] },
  ),
  verifyPin: fc.record({ operatorId, pin: fc.oneof(text, fc.anything()) }, { requiredKeys: [] }),
  signIn: fc.record({ operatorId, pin: fc.oneof(text, fc.anything()) }, { requiredKeys: [] }),
  getShift: fc.oneof(fc.constant({}), fc.object(), fc.record({ grant })),
  listOperators: fc.oneof(fc.constant({}), fc.object(), fc.record({ grant })),
  createOperator: fc.record(
    {
      grant: maybe(grant),
      operatorId,
      displayName: fc.oneof(text, fc.anything()),
      role,
      temporaryPin: newPin,
    },
    { requiredKeys: [] },
  ),
  updateOperator: fc.record(
    {
      grant: maybe(grant),
      operatorId,
      displayName: maybe(text),
      role: maybe(role),
      enabled: maybe(fc.oneof(fc.boolean(), fc.anything())),
    },
    { requiredKeys: [] },
  ),
  resetOperatorPin: fc.record(
    { grant: maybe(grant), operatorId, temporaryPin: newPin },
    { requiredKeys: [] },
  ),
  setPin: fc.record(
    { grant: maybe(grant), newPin: fc.oneof(text, fc.stringMatching(/^\d{6,12}$/)) },
    { requiredKeys: [] },
  ),
  recoverWithCode: fc.record(
    { recoveryCode: fc.oneof(text, fc.stringMatching(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/)) },
    { requiredKeys: [] },
  ),
  issueRecoveryCode: fc.record({ grant }, { requiredKeys: [] }),
  endSession: fc.record({ grant }, { requiredKeys: [] }),
  exitKiosk: fc.record(
    { grant: maybe(grant), pin: fc.oneof(text, fc.stringMatching(/^\d{4,12}$/)) },
    { requiredKeys: [] },
  ),
  getHealth: fc.oneof(fc.constant({}), fc.object()),
  listAudit: fc.record(
    {
      grant: maybe(grant),
      filter: maybe(fc.anything()),
      beforeSeq: maybe(fc.integer()),
      limit: maybe(fc.integer()),
    },
    { requiredKeys: [] },
  ),
  exportAudit: fc.record(
    { grant: maybe(grant), filter: maybe(fc.object()), format: fc.constantFrom('jsonl', 'csv', 'xml') },
    { requiredKeys: [] },
  ),
  exportDiagnostics: fc.oneof(fc.constant({}), fc.object(), fc.record({ grant })),
};

describe('handler fuzzing', () => {
  it(
    `answers ${RUNS_PER_CHANNEL * METHOD_NAMES.length} random payloads with typed envelopes only`,
    { timeout: 240_000 },
    async () => {
      console.log(`handler fuzz: seed ${SEED}, ${RUNS_PER_CHANNEL} runs per channel`);
      const answersByCode = new Map<string, number>();
      for (const method of METHOD_NAMES) {
        const handler = h.core.handlers[channels[method].channel];
        await fc.assert(
          fc.asyncProperty(fc.oneof(shaped[method], fc.anything()), async (payload) => {
            const answer = await handler(payload);
            const envelope = envelopeSchema.parse(answer);
            const serialised = JSON.stringify(answer);
            expect(serialised).not.toContain(API_KEY);
            if (!envelope.ok) {
              expect(KIOSK_ERROR_CODES).toContain(envelope.error.code);
              expect(envelope.error.code).not.toBe('internal');
              expect(envelope.error.message.length).toBeGreaterThan(0);
            }
            const key = `${method}:${envelope.ok ? 'ok' : envelope.error.code}`;
            answersByCode.set(key, (answersByCode.get(key) ?? 0) + 1);
          }),
          { seed: SEED, numRuns: RUNS_PER_CHANNEL },
        );
      }
      console.log(`handler fuzz answers: ${JSON.stringify(Object.fromEntries(answersByCode))}`);
      expect([...answersByCode.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
      // The PIN held: the fuzzer changed nothing an operator protects, and opened no session.
      expect(await h.call('getSettings', {})).toMatchObject({ kioskId: 'FUZZ', pinState: 'set' });
      expect(h.core.sessions.count()).toBe(0);
    },
  );
});
