import { describe, expect, it } from 'vitest';
import { isBackendAcceptable } from '../../main/secure/storage-policy';

describe('secret storage policy', () => {
  it('accepts the OS keychain on Windows, macOS and a Linux keyring', () => {
    expect(isBackendAcceptable('win32', true, null, false)).toEqual({ ok: true });
    expect(isBackendAcceptable('darwin', true, null, false)).toEqual({ ok: true });
    expect(isBackendAcceptable('linux', true, 'gnome_libsecret', false)).toEqual({ ok: true });
    expect(isBackendAcceptable('linux', true, 'kwallet6', false)).toEqual({ ok: true });
  });

  it("refuses Linux's basic_text backend unless weak storage is explicitly allowed", () => {
    const refused = isBackendAcceptable('linux', true, 'basic_text', false);
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/keyring/) });
    expect(isBackendAcceptable('linux', true, 'basic_text', true)).toEqual({ ok: true });
  });

  it('refuses when the OS offers no encryption at all, whatever the setting', () => {
    expect(isBackendAcceptable('linux', false, 'basic_text', true)).toMatchObject({ ok: false });
    expect(isBackendAcceptable('win32', false, null, true)).toMatchObject({ ok: false });
  });
});
