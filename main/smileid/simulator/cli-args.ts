// Command-line flags → SimulatorOptions. Pure (no process access) so it can be tested without spawning;
// values are only converted here, and validated by the same zod schema startSimulator uses.
import { parseArgs } from 'node:util';
import type { OutcomeRule, SimulatorOptions } from './options';
import { resolveOptions } from './options';

export const USAGE = `Usage: npm run simulator -- --partner-id ID --api-key KEY [options]

  --port N                      port on 127.0.0.1 (0 = any free port; default 0)
  --partner-id ID               partner ID requests must be signed for (required)
  --api-key KEY                 API key requests must be signed with (required)
  --seed N                      fault PRNG seed (default 1)
  --timestamp-tolerance-ms N    older/newer request timestamps get 2205 (default 300000)
  --upload-url-ttl-ms N         presigned upload URL lifetime (default 600000)
  --processing-delay-ms N       zip received → job complete (default 0)
  --default-result CODE         ResultCode for user_ids no --outcome matches (default 0840)
  --outcome PATTERN=CODE        user_ids matching the RegExp PATTERN get CODE (repeatable, first wins)
  --provisional-resolve-ms N    provisional results become 1240 after N ms (default: never)
  --latency-ms N                delay before each answer
  --bandwidth BYTES_PER_SEC     one shared link for all connections (default: unlimited)
  --http500 P                   probability of HTTP 500 (0..1; a bare fault flag means 1)
  --reset P                     probability the connection is reset before handling
  --drop-response P             probability the request is handled but the answer lost
  --no-answer P                 probability the request is never answered
  --duplicate-job P             probability a new job's prep_upload answers 2215
  --expired-url P               probability the upload URL is already expired
  --tampered-signature P        probability job_status answers with a bad signature
  --fault-scope ROUTE           upload | put | job_status (repeatable; default all)
  --callback-retry-ms N         wait before another try of a failed callback POST (repeatable, one per
                                retry; default 1000 5000 30000 120000). Callbacks go to loopback URLs only
  --help                        show this text`;

export type CliParse =
  | { readonly kind: 'run'; readonly options: SimulatorOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const NUMBER_FLAGS = {
  port: 'port',
  seed: 'seed',
  'timestamp-tolerance-ms': 'timestampToleranceMs',
  'upload-url-ttl-ms': 'uploadUrlTtlMs',
  'processing-delay-ms': 'processingDelayMs',
  'provisional-resolve-ms': 'provisionalResolveMs',
  'latency-ms': 'latencyMs',
  bandwidth: 'bandwidthBytesPerSec',
  http500: 'http500',
  reset: 'reset',
  'drop-response': 'dropResponse',
  'no-answer': 'noAnswer',
  'duplicate-job': 'duplicateJob2215',
  'expired-url': 'expiredUploadUrl',
  'tampered-signature': 'tamperedSignature',
} as const satisfies Record<string, keyof SimulatorOptions>;

type NumberFlag = keyof typeof NUMBER_FLAGS;

/** Fault flags that may be given bare (`--reset`), meaning "always" (probability 1). */
const PROBABILITY_FLAGS: readonly string[] = [
  'http500',
  'reset',
  'drop-response',
  'no-answer',
  'duplicate-job',
  'expired-url',
  'tampered-signature',
];

/** parseArgs has no optional values, so a bare probability flag gets its "1" here. */
function withBareProbabilities(argv: readonly string[]): string[] {
  const out: string[] = [];
  argv.forEach((arg, index) => {
    out.push(arg);
    const next = argv[index + 1];
    if (
      PROBABILITY_FLAGS.includes(arg.replace(/^--/, '')) &&
      arg.startsWith('--') &&
      (next === undefined || next.startsWith('--'))
    ) {
      out.push('1');
    }
  });
  return out;
}

const numberFlagOptions = Object.fromEntries(
  Object.keys(NUMBER_FLAGS).map((flag) => [flag, { type: 'string' as const }]),
) as Record<NumberFlag, { type: 'string' }>;

export function parseCliArgs(argv: readonly string[]): CliParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: withBareProbabilities(argv),
      strict: true,
      allowPositionals: false,
      options: {
        ...numberFlagOptions,
        'partner-id': { type: 'string' },
        'api-key': { type: 'string' },
        'default-result': { type: 'string' },
        outcome: { type: 'string', multiple: true },
        'fault-scope': { type: 'string', multiple: true },
        'callback-retry-ms': { type: 'string', multiple: true },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  if (!values['partner-id']) return { kind: 'error', message: 'error: --partner-id is required' };
  if (!values['api-key']) return { kind: 'error', message: 'error: --api-key is required' };

  const options: Record<string, unknown> = { partnerId: values['partner-id'], apiKey: values['api-key'] };
  for (const flag of Object.keys(NUMBER_FLAGS) as NumberFlag[]) {
    const text = values[flag];
    if (text === undefined) continue;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value))
      return { kind: 'error', message: `error: --${flag} must be a number, got "${text}"` };
    options[NUMBER_FLAGS[flag]] = value;
  }
  if (values['default-result'] !== undefined) options['defaultResultCode'] = values['default-result'];
  if (values['fault-scope'] !== undefined) options['faultScope'] = values['fault-scope'];
  if (values['callback-retry-ms'] !== undefined) {
    const delays = values['callback-retry-ms'].map(Number);
    const bad = values['callback-retry-ms'].find(
      (text, index) => text.trim() === '' || !Number.isFinite(delays[index]),
    );
    if (bad !== undefined)
      return { kind: 'error', message: `error: --callback-retry-ms must be a number, got "${bad}"` };
    options['callbackRetryDelaysMs'] = delays;
  }
  if (values.outcome !== undefined) {
    const rules: OutcomeRule[] = [];
    for (const text of values.outcome) {
      // Split at the last '=': the code never contains one, a RegExp might.
      const at = text.lastIndexOf('=');
      if (at <= 0) return { kind: 'error', message: `error: --outcome must be PATTERN=CODE, got "${text}"` };
      rules.push({ pattern: text.slice(0, at), resultCode: text.slice(at + 1) });
    }
    options['outcomes'] = rules;
  }
  try {
    // Validate now, so a bad value is a usage error (exit 2) rather than a crash at start-up.
    resolveOptions(options as SimulatorOptions);
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  return { kind: 'run', options: options as SimulatorOptions };
}
