// What the local Smile ID simulator can be told, as zod schemas. startSimulator, the CLI and the
// POST /__simulator/control endpoint all validate through these, so a behaviour is described once and
// is checked the same way wherever it comes from.
import { z } from 'zod';

/** The routes faults can be scoped to: the three calls the kiosk makes to Smile ID. */
export const FAULT_ROUTES = ['upload', 'put', 'job_status'] as const;
export const faultRouteSchema = z.enum(FAULT_ROUTES);
export type FaultRoute = z.infer<typeof faultRouteSchema>;

const probability = z.number().min(0).max(1);
const milliseconds = z.number().int().min(0);
const resultCode = z.string().regex(/^\d{4}$/, 'a result code is 4 digits, e.g. "0840"');

function isRegExpSource(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** "user_ids matching `pattern` get `resultCode`": how a test or a training session picks outcomes. */
export const outcomeRuleSchema = z.strictObject({
  pattern: z.string().refine(isRegExpSource, 'pattern must be a valid RegExp source'),
  resultCode,
});
export type OutcomeRule = z.infer<typeof outcomeRuleSchema>;

// Flat on purpose: a partial patch ({ http500: 1 }) then changes exactly one knob.
export const simulatorBehaviourSchema = z.strictObject({
  /** Request timestamps further than this from the simulator's clock are stale (2205). */
  timestampToleranceMs: milliseconds,
  /** Lifetime of the presigned upload URL (its Expires is rounded down to the second, like S3). */
  uploadUrlTtlMs: milliseconds,
  /** Time between receiving a valid zip and the job being complete. */
  processingDelayMs: milliseconds,
  /** ResultCode of a job whose user_id matches no outcome rule. */
  defaultResultCode: resultCode,
  /** First rule whose pattern matches the user_id wins. */
  outcomes: z.array(outcomeRuleSchema),
  /** After this long a provisional job becomes final 1240; null = it stays provisional. */
  provisionalResolveMs: milliseconds.nullable(),
  /** Added before each answered faulty-route request. */
  latencyMs: milliseconds,
  /** One shared link for all connections, request and response bodies; null = unlimited. */
  bandwidthBytesPerSec: z.number().positive().nullable(),
  http500: probability,
  reset: probability,
  dropResponse: probability,
  noAnswer: probability,
  duplicateJob2215: probability,
  expiredUploadUrl: probability,
  tamperedSignature: probability,
  /** Routes the faults (latency and bandwidth included) apply to; null = all three. */
  faultScope: z.array(faultRouteSchema).nullable(),
  /** Waits before each new try of a callback POST that failed (callback-delivery.ts); [] = one try only. */
  callbackRetryDelaysMs: z.array(milliseconds).max(20),
});
export type SimulatorBehaviour = z.infer<typeof simulatorBehaviourSchema>;

/** What configure() and POST /__simulator/control accept: any subset of the behaviour, nothing else. */
export const behaviourPatchSchema = simulatorBehaviourSchema.partial();
export type SimulatorBehaviourPatch = z.input<typeof behaviourPatchSchema>;

export const DEFAULT_BEHAVIOUR: Readonly<SimulatorBehaviour> = {
  timestampToleranceMs: 5 * 60_000,
  uploadUrlTtlMs: 10 * 60_000,
  processingDelayMs: 0,
  defaultResultCode: '0840',
  outcomes: [],
  provisionalResolveMs: null,
  latencyMs: 0,
  bandwidthBytesPerSec: null,
  http500: 0,
  reset: 0,
  dropResponse: 0,
  noAnswer: 0,
  duplicateJob2215: 0,
  expiredUploadUrl: 0,
  tamperedSignature: 0,
  faultScope: null,
  callbackRetryDelaysMs: [1_000, 5_000, 30_000, 120_000],
};

/** A fixed default seed: two runs with the same options see the same faults. */
export const DEFAULT_SEED = 1;

export const simulatorOptionsSchema = behaviourPatchSchema.extend({
  port: z.number().int().min(0).max(65535).default(0),
  partnerId: z.string().min(1),
  apiKey: z.string().min(1),
  seed: z.number().int().default(DEFAULT_SEED),
});
export type SimulatorOptions = z.input<typeof simulatorOptionsSchema>;

export interface ResolvedOptions {
  readonly port: number;
  readonly partnerId: string;
  readonly apiKey: string;
  readonly seed: number;
  readonly behaviour: SimulatorBehaviour;
}

/** Validates options (throws a readable error) and splits identity from the initial behaviour. */
export function resolveOptions(input: SimulatorOptions): ResolvedOptions {
  const parsed = simulatorOptionsSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid simulator options:\n${z.prettifyError(parsed.error)}`);
  const { port, partnerId, apiKey, seed, ...patch } = parsed.data;
  return { port, partnerId, apiKey, seed, behaviour: applyPatch(DEFAULT_BEHAVIOUR, patch) };
}

/** Validates a behaviour patch; throws a readable error for an unknown key or a bad value. */
export function parseBehaviourPatch(input: unknown): Partial<SimulatorBehaviour> {
  const parsed = behaviourPatchSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid simulator behaviour:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Keys present with the value undefined leave the behaviour alone (an in-process caller may spread them). */
export function applyPatch(
  base: Readonly<SimulatorBehaviour>,
  patch: Partial<SimulatorBehaviour>,
): SimulatorBehaviour {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...base, ...defined };
}
