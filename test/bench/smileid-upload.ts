// Benchmark: what one SmartSelfie enrollment costs on the wire and in client CPU, for our client
// (submitEnrollment: binary JPEGs in the zip) and for the official Node SDK smile-identity-core (submit_job
// with base64 images 2 and 6 inside info.json), on the same capture (1 selfie 640 px + 8 liveness 320 px).
// The simulator runs in a child process so that its CPU is not counted; both clients run in this process,
// one enrollment at a time, alternating which goes first in each round.
import { OFFICIAL_SDK_VERSION, redirectOfficialSdkTo } from '../support/official-sdk';
import { spawnSimulator } from './simulator-child';
import smileIdentityCore from 'smile-identity-core';
import { SmileIdClient } from '../../main/smileid/client';
import { FRESH_PROGRESS, submitEnrollment } from '../../main/smileid/enrollment';
import type { PollSchedule } from '../../main/smileid/job-status-poller';
import type { SimulatorJobView } from '../../main/smileid/simulator/server';
import { makeCapture } from '../support/fixture-images';
import type { CaptureJpegs } from '../support/fixture-images';
import { DEVELOPMENT_ENDPOINT_POLICY } from '../../app/smileid/endpoint-policy';

const PARTNER_ID = '085';
const API_KEY = 'bench-api-key';
const WARMUP_ROUNDS = 10;
const MEASURED_ROUNDS = 100;
/** The simulator completes a job while answering the PUT, so the first job_status answer is final. */
const POLL: PollSchedule = { intervalsMs: [0, 20], deadlineMs: 10_000, maxCalls: 50 };

export const UPLOAD_GOALS = {
  /** Bytes PUT per enrollment, as a multiple of the raw JPEG bytes. */
  maxBytesRatio: 1.02,
  /** What base64 inside info.json costs (4/3 plus JSON), for reference. */
  officialBytesRatioExpected: 1.34,
  cpu: 'ours <= official',
} as const;

export interface ClientFigures {
  readonly label: string;
  /** Mean bytes of the zip PUT per enrollment, as the simulator received it. */
  readonly bytesPut: number;
  readonly bytesRatio: number;
  readonly cpuMsPerEnrollment: number;
  readonly wallMsPerEnrollment: number;
}

export interface UploadBenchResult {
  readonly images: {
    readonly count: number;
    readonly selfieBytes: number;
    readonly livenessBytes: readonly number[];
    readonly rawJpegBytes: number;
  };
  readonly enrollments: { readonly warmupPerClient: number; readonly measuredPerClient: number };
  readonly ours: ClientFigures;
  readonly official: ClientFigures & { readonly sdk: string };
  readonly cpuRatioOursToOfficial: number;
  readonly goals: typeof UPLOAD_GOALS;
  readonly goalsMet: { readonly bytes: boolean; readonly cpu: boolean };
}

function cpuMicros(usage: NodeJS.CpuUsage): number {
  return usage.user + usage.system;
}

function sdkImages(capture: CaptureJpegs): { image_type_id: number; image: string }[] {
  return [
    { image_type_id: 2, image: Buffer.from(capture.selfie).toString('base64') },
    ...capture.liveness.map((jpeg) => ({ image_type_id: 6, image: Buffer.from(jpeg).toString('base64') })),
  ];
}

interface Tally {
  cpuMicros: number;
  wallMs: number;
  jobIds: string[];
}

export async function benchSmileIdUpload(): Promise<UploadBenchResult> {
  const capture = makeCapture();
  const selfieBytes = capture.selfie.length;
  const livenessBytes = capture.liveness.map((jpeg) => jpeg.length);
  const rawJpegBytes = selfieBytes + livenessBytes.reduce((sum, bytes) => sum + bytes, 0);

  const simulator = await spawnSimulator(['--port', '0', '--partner-id', PARTNER_ID, '--api-key', API_KEY]);
  const stopRedirect = redirectOfficialSdkTo(simulator.url);

  try {
    const client = new SmileIdClient(
      { partnerId: PARTNER_ID, apiKey: API_KEY, apiUrl: `${simulator.url}/v1` },
      { endpoints: DEVELOPMENT_ENDPOINT_POLICY },
    );
    const webApi = new smileIdentityCore.WebApi(PARTNER_ID, undefined, API_KEY, 0);
    webApi.url = `${simulator.url}/v1`;

    const ours: Tally = { cpuMicros: 0, wallMs: 0, jobIds: [] };
    const official: Tally = { cpuMicros: 0, wallMs: 0, jobIds: [] };

    const runOurs = async (id: string): Promise<void> => {
      const result = await submitEnrollment(
        client,
        { userId: `ours-user-${id}`, jobId: `ours-job-${id}`, images: capture },
        FRESH_PROGRESS,
        { poll: POLL },
      );
      if (result.resultCode !== '0840')
        throw new Error(`our enrollment ${id} ended ${String(result.resultCode)}`);
    };
    const runOfficial = async (id: string): Promise<void> => {
      // Encoding the JPEGs is part of what a caller of the SDK must do, so it is counted.
      const status = (await webApi.submit_job(
        { user_id: `sdk-user-${id}`, job_id: `sdk-job-${id}`, job_type: 4 },
        sdkImages(capture),
        { entered: false },
        { return_job_status: true },
      )) as { job_complete?: boolean; result?: { ResultCode?: string } };
      if (!status.job_complete || status.result?.ResultCode !== '0840') {
        throw new Error(`official enrollment ${id} ended ${JSON.stringify(status.result)}`);
      }
    };
    const measure = async (tally: Tally, jobId: string, run: () => Promise<void>): Promise<void> => {
      const startedCpu = process.cpuUsage();
      const startedWall = performance.now();
      await run();
      tally.wallMs += performance.now() - startedWall;
      tally.cpuMicros += cpuMicros(process.cpuUsage(startedCpu));
      tally.jobIds.push(jobId);
    };

    for (let round = 0; round < WARMUP_ROUNDS; round++) {
      await runOurs(`warmup-${round}`);
      await runOfficial(`warmup-${round}`);
    }
    for (let round = 0; round < MEASURED_ROUNDS; round++) {
      const id = `m-${round}`;
      const steps = [
        () => measure(ours, `ours-job-${id}`, () => runOurs(id)),
        () => measure(official, `sdk-job-${id}`, () => runOfficial(id)),
      ];
      // Alternate who goes first, so neither always runs right after the other's garbage.
      if (round % 2 === 1) steps.reverse();
      for (const step of steps) await step();
    }

    const response = await fetch(`${simulator.url}/__simulator/jobs`);
    const jobs = (await response.json()) as SimulatorJobView[];
    const meanZipBytes = (jobIds: readonly string[]): number => {
      const sizes = jobIds.map((jobId) => {
        const job = jobs.find((candidate) => candidate.jobId === jobId);
        if (!job || job.zipBytes === null || job.acceptedZips !== 1) {
          throw new Error(`the simulator has no accepted zip for ${jobId}`);
        }
        return job.zipBytes;
      });
      return Math.round(sizes.reduce((sum, bytes) => sum + bytes, 0) / sizes.length);
    };

    const figures = (label: string, tally: Tally): ClientFigures => {
      const bytesPut = meanZipBytes(tally.jobIds);
      return {
        label,
        bytesPut,
        bytesRatio: round3(bytesPut / rawJpegBytes),
        cpuMsPerEnrollment: round3(tally.cpuMicros / 1000 / tally.jobIds.length),
        wallMsPerEnrollment: round3(tally.wallMs / tally.jobIds.length),
      };
    };
    const oursFigures = figures('ours (submitEnrollment, types 0 + 4)', ours);
    const officialFigures = {
      ...figures(`smile-identity-core ${OFFICIAL_SDK_VERSION} (submit_job, types 2 + 6)`, official),
      sdk: `smile-identity-core ${OFFICIAL_SDK_VERSION}`,
    };
    const cpuRatio = round3(oursFigures.cpuMsPerEnrollment / officialFigures.cpuMsPerEnrollment);
    return {
      images: { count: 1 + livenessBytes.length, selfieBytes, livenessBytes, rawJpegBytes },
      enrollments: { warmupPerClient: WARMUP_ROUNDS, measuredPerClient: MEASURED_ROUNDS },
      ours: oursFigures,
      official: officialFigures,
      cpuRatioOursToOfficial: cpuRatio,
      goals: UPLOAD_GOALS,
      goalsMet: {
        bytes: oursFigures.bytesRatio <= UPLOAD_GOALS.maxBytesRatio,
        cpu: oursFigures.cpuMsPerEnrollment <= officialFigures.cpuMsPerEnrollment,
      },
    };
  } finally {
    stopRedirect();
    await simulator.stop();
  }
}

/** Prints the figures and the goals beside them. */
export function printSmileIdUploadTable(result: UploadBenchResult): void {
  const { ours, official, images } = result;
  const ok = (met: boolean): string => (met ? 'met' : 'MISSED');
  console.log(
    `\nSmile ID upload, per enrollment (${images.count} JPEGs: selfie ${images.selfieBytes} B + ` +
      `${images.livenessBytes.length} liveness; ${result.enrollments.measuredPerClient} measured + ` +
      `${result.enrollments.warmupPerClient} warm-up enrollments per client, simulator in a child process)`,
  );
  console.table({
    'raw JPEG bytes': { ours: images.rawJpegBytes, official: images.rawJpegBytes, goal: '' },
    'bytes PUT': { ours: ours.bytesPut, official: official.bytesPut, goal: '' },
    'bytes PUT / raw': {
      ours: ours.bytesRatio,
      official: official.bytesRatio,
      goal: `ours ≤ ${result.goals.maxBytesRatio} (official ~${result.goals.officialBytesRatioExpected}): ${ok(result.goalsMet.bytes)}`,
    },
    'client CPU ms': {
      ours: ours.cpuMsPerEnrollment,
      official: official.cpuMsPerEnrollment,
      goal: `ours ≤ official: ${ok(result.goalsMet.cpu)}`,
    },
    'CPU ours / official': { ours: result.cpuRatioOursToOfficial, official: '', goal: '≤ 1' },
    'wall ms (info only)': {
      ours: ours.wallMsPerEnrollment,
      official: official.wallMsPerEnrollment,
      goal: '',
    },
  });
  console.log(`  ours:     ${ours.label}\n  official: ${official.label}`);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
