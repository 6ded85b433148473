import { describe, expect, it } from 'vitest';
import { channels, EVENT_CHANNEL, METHOD_NAMES } from '../../app/ipc/channels';
import { buildKioskApi, type IpcLike } from '../../main/electron/kiosk-api-bridge';

function fakeIpc(answer: unknown) {
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  const ipc: IpcLike = {
    invoke: async (channel, request) => {
      invoked.push([channel, request]);
      return answer;
    },
    on: (channel, listener) => listeners.set(channel, listener),
    removeListener: (channel) => listeners.delete(channel),
  };
  return { ipc, invoked, listeners };
}

describe('preload surface', () => {
  it('exposes exactly one function per channel of the app/ map, plus onEvent', () => {
    const api = buildKioskApi(fakeIpc({ ok: true, value: {} }).ipc, EVENT_CHANNEL);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes each method on its own channel and unwraps the envelope', async () => {
    const { ipc, invoked } = fakeIpc({ ok: true, value: { woke: true } });
    const api = buildKioskApi(ipc, EVENT_CHANNEL) as Record<string, (request: unknown) => Promise<unknown>>;
    for (const method of METHOD_NAMES) await api[method]!({});
    expect(invoked.map(([channel]) => channel)).toEqual(METHOD_NAMES.map((m) => channels[m].channel));
    expect(await api.sendNow!({})).toEqual({ woke: true });
  });

  it('turns an error envelope into a thrown error with the typed code and action', async () => {
    const error = { code: 'pin_invalid', message: 'Wrong PIN', action: 'Enter it again.' };
    const api = buildKioskApi(fakeIpc({ ok: false, error }).ipc, EVENT_CHANNEL) as Record<
      string,
      (request: unknown) => Promise<unknown>
    >;
    await expect(api.verifyPin!({ pin: '1' })).rejects.toMatchObject(error);
  });

  it('forwards only well-formed events and unsubscribes', () => {
    const { ipc, listeners } = fakeIpc({ ok: true, value: {} });
    const api = buildKioskApi(ipc, EVENT_CHANNEL) as {
      onEvent: (listener: (event: unknown) => void) => () => void;
    };
    const seen: unknown[] = [];
    const off = api.onEvent((event) => seen.push(event));
    listeners.get(EVENT_CHANNEL)!(null, { type: 'job_removed', jobId: 'j1' });
    listeners.get(EVENT_CHANNEL)!(null, { type: 'bogus' });
    expect(seen).toEqual([{ type: 'job_removed', jobId: 'j1' }]);
    off();
    expect(listeners.has(EVENT_CHANNEL)).toBe(false);
  });
});
