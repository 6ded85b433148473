// The preload's bridge and the renderer's API over it, without Electron: the shell contract test
// (test/shell/) checks the same through the built preload and a contextBridge stand-in.
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../app/errors';
import { channels, EVENT_CHANNEL, METHOD_NAMES } from '../../app/ipc/channels';
import { buildKioskBridge, type IpcLike } from '../../main/electron/preload/kiosk-bridge';
import { kioskApiFromBridge } from '../../renderer/bridge/kiosk-api';

function fakeIpc(answer: () => Promise<unknown>) {
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const ipc: IpcLike = {
    invoke: async (channel, request) => {
      invoked.push([channel, request]);
      return answer();
    },
    on: (channel, listener) => listeners.set(channel, listener),
    removeListener: (channel) => listeners.delete(channel),
  };
  return { ipc, invoked, listeners };
}

const answering = (value: unknown) => () => Promise.resolve(value);

/** A well-formed session token: the bridge forwards it as it is. */
const GRANT = 'A'.repeat(43);

describe('preload bridge', () => {
  it('exposes exactly one function per channel of the app/ map, plus onEvent', () => {
    const bridge = buildKioskBridge(fakeIpc(answering({ ok: true, value: {} })).ipc, EVENT_CHANNEL);
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes each method on its own channel and resolves to the envelope as plain data', async () => {
    const { ipc, invoked } = fakeIpc(answering({ ok: true, value: { woke: true } }));
    const bridge = buildKioskBridge(ipc, EVENT_CHANNEL);
    for (const method of METHOD_NAMES) await (bridge[method] as (r: unknown) => Promise<unknown>)({});
    expect(invoked.map(([channel]) => channel)).toEqual(METHOD_NAMES.map((m) => channels[m].channel));
    expect(await bridge.sendNow({ grant: GRANT })).toEqual({ ok: true, value: { woke: true } });
  });

  it('never rejects: a failed invoke becomes an internal error envelope', async () => {
    const bridge = buildKioskBridge(
      fakeIpc(() => Promise.reject(new Error('No handler registered'))).ipc,
      EVENT_CHANNEL,
    );
    await expect(bridge.getHealth({})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('renderer API over a bridge', () => {
  it('unwraps a value and turns an error envelope into a KioskError with code and action', async () => {
    const error = { code: 'pin_invalid', message: 'Wrong PIN', action: 'Enter it again.' } as const;
    const ok = kioskApiFromBridge(
      buildKioskBridge(fakeIpc(answering({ ok: true, value: { woke: true } })).ipc, EVENT_CHANNEL),
    );
    expect(await ok.sendNow({ grant: GRANT })).toEqual({ woke: true });
    const refused = kioskApiFromBridge(
      buildKioskBridge(fakeIpc(answering({ ok: false, error })).ipc, EVENT_CHANNEL),
    );
    const failure = await refused
      .verifyPin({ operatorId: 'supervisor', pin: '1' })
      .catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(KioskError);
    expect(failure).toMatchObject(error);
  });

  it('refuses an answer that does not match the channel schema', async () => {
    const api = kioskApiFromBridge(
      buildKioskBridge(fakeIpc(answering({ ok: true, value: { woke: 'yes' } })).ipc, EVENT_CHANNEL),
    );
    await expect(api.sendNow({ grant: GRANT })).rejects.toMatchObject({ code: 'internal' });
  });

  it('forwards only well-formed events and unsubscribes', () => {
    const { ipc, listeners } = fakeIpc(answering({ ok: true, value: {} }));
    const api = kioskApiFromBridge(buildKioskBridge(ipc, EVENT_CHANNEL));
    const seen: unknown[] = [];
    const off = api.onEvent((event) => seen.push(event));
    listeners.get(EVENT_CHANNEL)!(null, { type: 'job_removed', jobId: 'j1' });
    listeners.get(EVENT_CHANNEL)!(null, { type: 'bogus' });
    expect(seen).toEqual([{ type: 'job_removed', jobId: 'j1' }]);
    off();
    expect(listeners.has(EVENT_CHANNEL)).toBe(false);
  });
});
