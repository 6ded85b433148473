// Training mode: the kiosk sends to a Smile ID simulator inside the main process, so operators can practise
// with real cameras and real queue behaviour while nothing leaves the machine. The credentials are made up
// per run and never touch the vault.
import { randomBytes } from 'node:crypto';
import { startSimulator, type RunningSimulator } from './smileid/simulator/server';

export const TRAINING_PARTNER_ID = '000';

/** User IDs an operator can type to see each outcome in training (data, shown in the README). */
export const TRAINING_OUTCOMES = [
  { pattern: '^REJECT', resultCode: '0841' },
  { pattern: '^NOFACE', resultCode: '0941' },
  { pattern: '^BLURRY', resultCode: '0942' },
  { pattern: '^REVIEW', resultCode: '0842' },
] as const;

export interface TrainingBackend {
  readonly simulator: RunningSimulator;
  readonly partnerId: string;
  readonly apiKey: string;
}

export async function startTrainingBackend(): Promise<TrainingBackend> {
  const apiKey = randomBytes(24).toString('base64');
  const simulator = await startSimulator(
    {
      port: 0,
      partnerId: TRAINING_PARTNER_ID,
      apiKey,
      outcomes: [...TRAINING_OUTCOMES],
      // A human review in training resolves after a minute, so the operator sees the whole life of a job.
      provisionalResolveMs: 60_000,
      processingDelayMs: 1_500,
    },
    // Only the Smile ID API: no other process on the machine may list the jobs or change the outcomes.
    { harnessRoutes: false },
  );
  return { simulator, partnerId: TRAINING_PARTNER_ID, apiKey };
}
