// The idle reset and the capture time limit (renderer/store/idle-policy.ts): while a capture runs, its own
// time limit governs and touches do not keep it alive; before and after, the idle reset applies as anywhere.
import { describe, expect, it } from 'vitest';
import { idleResetApplies } from '../../renderer/store/idle-policy';

describe('idleResetApplies on the capture screen', () => {
  it('does not run while a capture runs (the capture time limit governs it)', () => {
    expect(idleResetApplies('capture', 'home', false, true)).toBe(false);
  });

  it('runs on the capture screen before the capture starts and after it ended', () => {
    expect(idleResetApplies('capture', 'home', false, false)).toBe(true);
    expect(idleResetApplies('capture', 'home', false)).toBe(true);
  });

  it('is not affected by the capture flag on other screens', () => {
    expect(idleResetApplies('review', 'home', false, true)).toBe(true);
    expect(idleResetApplies('home', 'home', false, true)).toBe(false);
    expect(idleResetApplies('loading', 'home', false, true)).toBe(false);
  });
});
