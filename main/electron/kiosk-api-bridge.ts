// Builds window.kiosk for the preload from the app/ channel map: one function per channel plus onEvent.
// Kept free of a runtime 'electron' import so tests can check the surface without Electron.
import { channels, envelopeSchema, type MethodName } from '../../app/ipc/channels';
import { kioskEventSchema, type KioskEvent } from '../../app/queue';

export interface IpcLike {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

export function buildKioskApi(ipc: IpcLike, eventChannel: string): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  for (const method of Object.keys(channels) as MethodName[]) {
    api[method] = async (request: unknown) => {
      const envelope = envelopeSchema.parse(await ipc.invoke(channels[method].channel, request));
      if (envelope.ok) return envelope.value;
      // Only plain data crosses contextBridge: the renderer gets an Error with code, message and action.
      throw Object.assign(new Error(envelope.error.message), envelope.error);
    };
  }
  api.onEvent = (listener: (event: KioskEvent) => void) => {
    const forward = (_event: unknown, payload: unknown) => {
      const parsed = kioskEventSchema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    };
    ipc.on(eventChannel, forward);
    return () => ipc.removeListener(eventChannel, forward);
  };
  return Object.freeze(api);
}
