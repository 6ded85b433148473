// 1,000 enrollments through a simulator that fails 30 % of requests in every way it can: each one must be
// delivered, and Smile ID must hold exactly one job per capture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeJpeg, readFixture, scaleToLongSide } from '../support/fixture-images';
import { Harness, waitFor } from '../support/outbox-harness';

const SEED = 20261126;
const ENROLLMENTS = 1_000;
// 30 % of requests fail, spread over every fault the simulator knows.
const FAULTS = {
  http500: 0.07,
  reset: 0.06,
  dropResponse: 0.06,
  noAnswer: 0.01,
  duplicateJob2215: 0.04,
  expiredUploadUrl: 0.04,
  tamperedSignature: 0.02,
};

let harness: Harness;

beforeAll(async () => {
  console.log(`exactly-once fault test: seed ${SEED}, faults ${JSON.stringify(FAULTS)}`);
  harness = await Harness.start({
    simulator: { seed: SEED, ...FAULTS },
    client: { timeouts: { prepUploadMs: 400, uploadMs: 1_000, jobStatusMs: 400 } },
    outbox: {
      concurrency: 4,
      backoff: { baseMs: 2, capMs: 40 },
      circuitProbeMs: 20,
      connectivityProbeMs: 10,
    },
  });
});

afterAll(async () => {
  await harness.close();
});

describe('outbox under 30 % injected faults', () => {
  it(`delivers ${ENROLLMENTS} enrollments exactly once`, { timeout: 300_000 }, async () => {
    // Small real JPEGs keep the test about delivery, not bandwidth.
    const source = scaleToLongSide(readFixture('face-astronaut'), 96);
    const selfie = encodeJpeg(source);
    const liveness = Array.from({ length: 8 }, () => encodeJpeg(scaleToLongSide(source, 48)));
    await harness.outbox.start();
    const jobIds: string[] = [];
    for (let i = 0; i < ENROLLMENTS; i++) {
      const job = await harness.outbox.enqueue({
        userId: `FAULT-${String(i).padStart(4, '0')}`,
        consentAt: Date.now(),
        selfie,
        liveness,
      });
      jobIds.push(job.jobId);
    }
    await waitFor(
      () => (jobIds.every((id) => harness.outbox.get(id)?.state === 'approved') ? true : undefined),
      280_000,
      'every job approved',
    );

    const simJobs = harness.sim.jobs();
    expect(simJobs).toHaveLength(ENROLLMENTS);
    expect(new Set(simJobs.map((job) => job.jobId))).toEqual(new Set(jobIds));
    expect(new Set(simJobs.map((job) => job.userId)).size).toBe(ENROLLMENTS);
    for (const job of simJobs) {
      expect(job.state).toBe('complete');
      expect(job.result?.resultCode).toBe('0840');
      expect(job.acceptedZips).toBeGreaterThanOrEqual(1);
      expect(job.images).toHaveLength(9);
    }
    const summary = {
      prepUploads: simJobs.reduce((sum, job) => sum + job.prepUploads, 0),
      retries: simJobs.reduce((sum, job) => sum + job.prepUploadRetries, 0),
      puts: simJobs.reduce((sum, job) => sum + job.puts, 0),
      jobsWithRepeatedPut: simJobs.filter((job) => job.acceptedZips > 1).length,
    };
    console.log(`exactly-once fault test: ${JSON.stringify(summary)}`);
    // The faults really fired: far more requests than a clean run's one prep_upload and one PUT per job.
    expect(summary.prepUploads).toBeGreaterThan(ENROLLMENTS * 1.1);
    expect(summary.retries).toBeGreaterThan(0);
  });
});
