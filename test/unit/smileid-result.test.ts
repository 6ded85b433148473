import { describe, expect, it } from 'vitest';
import { SMART_SELFIE_RESULT_CODES } from '../../app/smileid/result-codes';
import { interpretJobStatus } from '../../main/smileid/result';
import { jobStatusResponseSchema } from '../../main/smileid/wire';

function status(result: unknown, jobSuccess = false) {
  return jobStatusResponseSchema.parse({
    timestamp: '2026-01-01T00:00:00.000Z',
    signature: 'x',
    job_complete: true,
    job_success: jobSuccess,
    code: '2302',
    result,
  });
}

function result(code: string, extra: Record<string, unknown> = {}) {
  return { ResultCode: code, ResultText: `text ${code}`, SmileJobID: '0000000001', ...extra };
}

describe('job_type 4 result interpretation', () => {
  it.each(Object.entries(SMART_SELFIE_RESULT_CODES))('code %s follows the table', (code, info) => {
    const interpreted = interpretJobStatus(status(result(code), info.outcome === 'approved'));
    expect(interpreted).toMatchObject({
      outcome: info.outcome,
      reason: info.reason,
      nextStep: info.nextStep,
      final: info.outcome !== 'provisional',
      resultCode: code,
      smileJobId: '0000000001',
    });
  });

  it('recapture advice for no face (0941) and poor quality (0942)', () => {
    expect(interpretJobStatus(status(result('0941'))).nextStep).toBe('recapture');
    expect(interpretJobStatus(status(result('0942'))).nextStep).toBe('recapture');
  });

  it('falls back on job_success and review markers for codes the table lacks', () => {
    expect(interpretJobStatus(status(result('0999'), true)).outcome).toBe('approved');
    expect(interpretJobStatus(status(result('0999'), false)).outcome).toBe('rejected');
    expect(interpretJobStatus(status(result('0999', { IsFinalResult: 'false' }))).outcome).toBe(
      'provisional',
    );
    expect(
      interpretJobStatus(status(result('0999', { Actions: { Human_Review_Liveness_Check: 'Under Review' } })))
        .final,
    ).toBe(false);
  });

  it('keeps a free-text result as the result text', () => {
    expect(interpretJobStatus(status('No zip uploaded')).resultText).toBe('No zip uploaded');
  });
});
