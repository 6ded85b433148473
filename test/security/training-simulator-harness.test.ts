// Finding 8 (first part): the training simulator inside the kiosk served /__simulator/control, jobs and reset to
// any local process — which could list what was enrolled (user IDs) or change what training answers. The
// training backend now serves only the Smile ID API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrainingBackend, type TrainingBackend } from '../../main/training';

let training: TrainingBackend;

beforeAll(async () => {
  training = await startTrainingBackend();
});

afterAll(() => training.simulator.close());

describe('security finding 8: the training simulator serves no harness routes', () => {
  it.each([
    ['GET', '/__simulator/jobs'],
    ['GET', '/__simulator/health'],
    ['POST', '/__simulator/control'],
    ['POST', '/__simulator/reset'],
  ])('%s %s answers 404', async (method, route) => {
    const response = await fetch(`${training.simulator.url}${route}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify({ defaultResultCode: '0840' }) } : {}),
    });
    expect(response.status).toBe(404);
  });

  it('still answers the Smile ID API (a signed request is judged, not 404)', async () => {
    const response = await fetch(`${training.simulator.apiUrl}/job_status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).not.toBe(404);
  });
});
