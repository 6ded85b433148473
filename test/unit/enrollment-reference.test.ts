// The enrollment reference as both sides use it: its one accepted form, the short form people read, and when
// the renderer must make a new one (photos taken again after a result are a new enrollment).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { enrollmentReferenceSchema, shortReference } from '../../app/enrollment-reference';
import type { JobSummary } from '../../app/queue';
import { newEnrollmentReference, referenceIsSpent } from '../../renderer/store/enrollment-reference';

const REFERENCE = '3f9a21c0-7b4e-4d2a-9c1f-0e8d6b5a4c3b';

describe('enrollment reference', () => {
  it('accepts what crypto.randomUUID makes, in the renderer and in main', () => {
    for (let i = 0; i < 200; i++) {
      expect(enrollmentReferenceSchema.safeParse(newEnrollmentReference()).success).toBe(true);
      expect(enrollmentReferenceSchema.safeParse(randomUUID()).success).toBe(true);
    }
  });

  it('accepts one spelling only: lower case, hyphenated, version 4, RFC 4122 variant', () => {
    for (const other of [
      REFERENCE.toUpperCase(),
      REFERENCE.replace(/-/g, ''),
      ` ${REFERENCE}`,
      REFERENCE.replace('-4d2a-', '-1d2a-'),
      REFERENCE.replace('-9c1f-', '-cc1f-'),
    ]) {
      expect(enrollmentReferenceSchema.safeParse(other).success, other).toBe(false);
    }
  });

  it('reads as the first 8 hex digits, upper case, in two groups', () => {
    expect(shortReference(REFERENCE)).toBe('3F9A-21C0');
  });

  it('is spent once it names a job the flow has moved on from (photos taken again after a result)', () => {
    const jobs = { [REFERENCE]: { jobId: REFERENCE } as JobSummary };
    // On review before submitting: no job yet.
    expect(referenceIsSpent({ reference: REFERENCE, jobId: null }, {})).toBe(false);
    // On the result screen: the flow shows that job.
    expect(referenceIsSpent({ reference: REFERENCE, jobId: REFERENCE }, jobs)).toBe(false);
    // "Take the photos again" cleared the flow's job, but the reference still names it.
    expect(referenceIsSpent({ reference: REFERENCE, jobId: null }, jobs)).toBe(true);
    expect(referenceIsSpent({ reference: null, jobId: null }, jobs)).toBe(false);
  });
});
