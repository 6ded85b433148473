// Unit tests of the simulator's pure parts: the shared bandwidth bucket (with a fake clock, so the cap is
// checked by arithmetic rather than by timing), the seeded dice, outcome rules and the CLI flag parser.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../main/smileid/simulator/cli-args';
import { FaultDice, mulberry32 } from '../../main/smileid/simulator/faults';
import { DEFAULT_BEHAVIOUR } from '../../main/smileid/simulator/options';
import { actionsFor, meaningOf, pickResultCode } from '../../main/smileid/simulator/outcomes';
import { TokenBucket } from '../../main/smileid/simulator/throttle';

function fakeLink(): { bucket: TokenBucket; sleeps: number[]; advance: (ms: number) => void } {
  let now = 1_000_000;
  const sleeps: number[] = [];
  const bucket = new TokenBucket(
    (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    () => now,
  );
  return { bucket, sleeps, advance: (ms) => (now += ms) };
}

describe('TokenBucket', () => {
  it('does not wait when unlimited', async () => {
    const { bucket, sleeps } = fakeLink();
    await bucket.take(10_000_000);
    expect(sleeps).toEqual([]);
    expect(bucket.limited).toBe(false);
  });

  it('makes transfers beyond the burst wait bytes / rate', async () => {
    const { bucket, sleeps } = fakeLink();
    bucket.setRate(1000); // burst = 50 bytes
    await bucket.take(1050);
    expect(sleeps).toEqual([1000]);
    expect(bucket.charged).toBe(1050);
  });

  it('is one link: a second transfer queues behind the first', async () => {
    const { bucket, sleeps } = fakeLink();
    bucket.setRate(1000);
    await bucket.take(1050);
    await bucket.take(500); // no time passed: it waits for the first transfer too
    expect(sleeps).toEqual([1000, 1500]);
  });

  it('refills with time, up to the burst', async () => {
    const { bucket, sleeps, advance } = fakeLink();
    bucket.setRate(1000);
    await bucket.take(1050);
    advance(60_000);
    await bucket.take(50);
    expect(sleeps).toEqual([1000]);
  });
});

describe('FaultDice', () => {
  it('replays the same sequence after reseed', () => {
    const behaviour = { ...DEFAULT_BEHAVIOUR, http500: 0.5 };
    const dice = new FaultDice(42);
    const first = Array.from({ length: 20 }, () => dice.fires('http500', 'upload', behaviour));
    dice.reseed();
    expect(Array.from({ length: 20 }, () => dice.fires('http500', 'upload', behaviour))).toEqual(first);
    expect(first).toContain(true);
    expect(first).toContain(false);
  });

  it('never fires at 0 or out of scope, always at 1', () => {
    const dice = new FaultDice(1);
    expect(dice.fires('reset', 'put', DEFAULT_BEHAVIOUR)).toBe(false);
    expect(dice.fires('reset', 'put', { ...DEFAULT_BEHAVIOUR, reset: 1 })).toBe(true);
    expect(dice.fires('reset', 'put', { ...DEFAULT_BEHAVIOUR, reset: 1, faultScope: ['upload'] })).toBe(
      false,
    );
  });

  it('mulberry32 yields numbers in [0, 1)', () => {
    const next = mulberry32(1);
    for (let i = 0; i < 1000; i += 1) {
      const value = next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe('outcomes', () => {
  it('takes the first matching rule, else the default', () => {
    const behaviour = {
      defaultResultCode: '0840',
      outcomes: [
        { pattern: '^bad', resultCode: '0841' },
        { pattern: 'bad', resultCode: '0942' },
      ],
    };
    expect(pickResultCode('bad-1', behaviour)).toBe('0841');
    expect(pickResultCode('so-bad', behaviour)).toBe('0942');
    expect(pickResultCode('good', behaviour)).toBe('0840');
  });

  it('reads meanings from the kiosk table and treats unknown codes as rejections', () => {
    expect(meaningOf('0842').outcome).toBe('provisional');
    expect(meaningOf('9999')).toEqual({ outcome: 'rejected', text: 'Result 9999' });
    expect(actionsFor('0842')['Register_Selfie']).toBe('Under Review');
  });
});

describe('parseCliArgs', () => {
  it('maps every flag to an option', () => {
    const parsed = parseCliArgs([
      '--port',
      '0',
      '--partner-id',
      '085',
      '--api-key',
      'k',
      '--seed',
      '9',
      '--latency-ms',
      '20',
      '--bandwidth',
      '5000',
      '--http500',
      '0.1',
      '--reset',
      '--drop-response',
      '0.2',
      '--outcome',
      '^a=b=0841',
      '--outcome',
      '^r=0842',
      '--default-result',
      '0941',
      '--fault-scope',
      'put',
      '--provisional-resolve-ms',
      '100',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        port: 0,
        partnerId: '085',
        apiKey: 'k',
        seed: 9,
        latencyMs: 20,
        bandwidthBytesPerSec: 5000,
        http500: 0.1,
        reset: 1,
        dropResponse: 0.2,
        outcomes: [
          { pattern: '^a=b', resultCode: '0841' },
          { pattern: '^r', resultCode: '0842' },
        ],
        defaultResultCode: '0941',
        faultScope: ['put'],
        provisionalResolveMs: 100,
      },
    });
  });

  it('reports missing credentials, unknown flags and bad values as errors', () => {
    expect(parseCliArgs(['--partner-id', '085'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--api-key') as unknown,
    });
    expect(parseCliArgs(['--api-key', 'k'])).toMatchObject({ kind: 'error' });
    expect(parseCliArgs(['--partner-id', '1', '--api-key', 'k', '--bogus'])).toMatchObject({ kind: 'error' });
    expect(parseCliArgs(['--partner-id', '1', '--api-key', 'k', '--http500', 'x'])).toMatchObject({
      kind: 'error',
    });
    expect(parseCliArgs(['--partner-id', '1', '--api-key', 'k', '--http500', '2'])).toMatchObject({
      kind: 'error',
    });
    expect(parseCliArgs(['--partner-id', '1', '--api-key', 'k', '--outcome', '(=0840'])).toMatchObject({
      kind: 'error',
    });
  });
});
