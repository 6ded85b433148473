// The canonical form and hash of an audit entry, against RFC 8785's own examples and the worked example in
// docs/audit-trail.md (also checked there with Python's json and hashlib, which know nothing of this code).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, NotCanonicalisableError } from '../../main/audit/canonical-json';
import { entryHash } from '../../main/audit/entry-hash';

/** The worked example of docs/audit-trail.md "Canonical hash". */
const EXAMPLE = {
  v: 1,
  seq: 2,
  at: '2026-03-01T09:15:02.120Z',
  atMs: 1772356502120,
  kioskId: 'K-01',
  branch: 'Nairobi CBD',
  actor: { kind: 'operator', operatorId: null, role: null },
  action: 'enrollment.saved',
  subject: { jobId: '3f9a21c0-5b7e-4d2a-9c1e-7a0b6f4e2d11', userId: 'CUST-0001' },
  details: { consentAt: 1772356480000, warnings: [], earlierJobIds: [] },
  prevHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  hash: '1f842ad38759257740590d234c9f4810d86daa4434f14fac7697647be477ccb3',
};
const EXAMPLE_CANONICAL =
  '{"action":"enrollment.saved","actor":{"kind":"operator","operatorId":null,"role":null},' +
  '"at":"2026-03-01T09:15:02.120Z","atMs":1772356502120,"branch":"Nairobi CBD",' +
  '"details":{"consentAt":1772356480000,"earlierJobIds":[],"warnings":[]},"kioskId":"K-01",' +
  '"prevHash":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","seq":2,' +
  '"subject":{"jobId":"3f9a21c0-5b7e-4d2a-9c1e-7a0b6f4e2d11","userId":"CUST-0001"},"v":1}';

describe('canonical JSON (RFC 8785)', () => {
  it('writes numbers, strings and literals as RFC 8785 section 3.2.4 shows', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts member names by UTF-16 code units (RFC 8785 section 3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the values in the order they were written (parsing back would put "1" first: an array index).
    const order = [...canonicalJson(input).matchAll(/:"([^"]+)"/g)].map((match) => match[1]);
    expect(order).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it('refuses what JSON cannot say the same way twice', () => {
    for (const bad of [NaN, Infinity, undefined, { a: undefined }, '\ud800', new Date(0), () => 1]) {
      expect(() => canonicalJson(bad), String(bad)).toThrow(NotCanonicalisableError);
    }
  });
});

describe('entry hash', () => {
  it('is SHA-256 of the canonical form of every member but hash, as the documented example shows', () => {
    const { hash: _hash, ...hashed } = EXAMPLE;
    expect(canonicalJson(hashed)).toBe(EXAMPLE_CANONICAL);
    expect(createHash('sha256').update(EXAMPLE_CANONICAL, 'utf8').digest('hex')).toBe(EXAMPLE.hash);
    expect(entryHash(EXAMPLE)).toBe(EXAMPLE.hash);
  });

  it('does not depend on member order or on the hash member, and changes with any field and prevHash', () => {
    const reversed = Object.fromEntries(Object.entries(EXAMPLE).reverse());
    expect(entryHash(reversed)).toBe(EXAMPLE.hash);
    expect(entryHash({ ...EXAMPLE, hash: 'x' })).toBe(EXAMPLE.hash);
    expect(entryHash({ ...EXAMPLE, seq: 3 })).not.toBe(EXAMPLE.hash);
    expect(entryHash({ ...EXAMPLE, prevHash: '0'.repeat(64) })).not.toBe(EXAMPLE.hash);
    expect(entryHash({ ...EXAMPLE, subject: { ...EXAMPLE.subject, userId: 'CUST-0002' } })).not.toBe(
      EXAMPLE.hash,
    );
  });
});
