// Which OS secret-storage backends the kiosk accepts for its API key and data key. A pure function, so the
// decision is tested without Electron (main/electron/safe-storage-vault.ts applies it).
/** May secrets be stored with this backend? `backend` is safeStorage's Linux backend name, else null. */
export function isBackendAcceptable(
  platform: NodeJS.Platform,
  encryptionAvailable: boolean,
  backend: string | null,
  allowWeak: boolean,
): { ok: true } | { ok: false; reason: string; action: string } {
  if (!encryptionAvailable) {
    return {
      ok: false,
      reason: 'The operating system offers no secure storage for the Smile ID API key.',
      action:
        'Log in to a desktop session with a keyring (Linux: GNOME Keyring or KWallet), then restart the kiosk.',
    };
  }
  if (platform === 'linux' && backend === 'basic_text' && !allowWeak) {
    return {
      ok: false,
      reason: 'No keyring is running, so the API key could only be stored with a well-known key.',
      action:
        'Install and unlock GNOME Keyring or KWallet, or allow weak secret storage in Settings (not recommended).',
    };
  }
  return { ok: true };
}
