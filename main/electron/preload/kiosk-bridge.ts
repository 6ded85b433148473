// Builds window.kiosk for the preload from the app/ channel map: one function per channel plus onEvent.
// Only plain data crosses contextBridge — Electron keeps nothing of a thrown Error but its message — so every
// call resolves to main's envelope as it is, and even a failed invoke becomes an error envelope here. The
// renderer turns envelopes into values or KioskErrors (renderer/bridge/kiosk-api.ts), as for the dev host.
// Kept free of a runtime 'electron' import so tests can check the surface without Electron.
import type { KioskErrorPayload } from '../../../app/errors';
import { CHANNEL_NAMES } from '../../../app/ipc/channel-names';
import type { KioskBridge } from '../../../app/ipc/channels';

export interface IpcLike {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

const NO_ANSWER: { ok: false; error: KioskErrorPayload } = {
  ok: false,
  error: {
    code: 'internal',
    message: 'The kiosk service did not answer.',
    action: 'Restart the kiosk; if it repeats, call support.',
  },
};

export function buildKioskBridge(ipc: IpcLike, eventChannel: string): KioskBridge {
  const bridge: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(CHANNEL_NAMES)) {
    bridge[method] = (request: unknown) => ipc.invoke(channel, request).catch(() => NO_ANSWER);
  }
  bridge.onEvent = (listener: (event: unknown) => void) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(eventChannel, forward);
    return () => ipc.removeListener(eventChannel, forward);
  };
  // One function per channel resolving to an envelope, plus onEvent: exactly KioskBridge.
  return Object.freeze(bridge) as KioskBridge;
}
