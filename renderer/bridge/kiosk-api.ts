// Turns the host's window.kiosk (envelopes as plain data) into the API the screens use: each call resolves to
// its channel's validated response or rejects with a KioskError carrying main's code and action. Both hosts
// go through this one function, so an error looks the same in Electron as in the dev host and the tests.
import type { z } from 'zod';
import { KioskError } from '../../app/errors';
import {
  channels,
  envelopeSchema,
  METHOD_NAMES,
  type KioskApi,
  type KioskBridge,
  type MethodName,
} from '../../app/ipc/channels';
import { kioskEventSchema, type KioskEvent } from '../../app/queue';

type Call = (request: unknown) => Promise<unknown>;

export function kioskApiFromBridge(bridge: KioskBridge): KioskApi {
  const methods: Record<string, Call> = {};
  for (const method of METHOD_NAMES) methods[method] = (request) => call(bridge, method, request);
  const onEvent = (listener: (event: KioskEvent) => void) =>
    bridge.onEvent((payload) => {
      const event = kioskEventSchema.safeParse(payload);
      if (event.success) listener(event.data);
    });
  // Each entry calls its own channel and returns that channel's validated response, which is what KioskApi says.
  return Object.freeze({ ...methods, onEvent }) as unknown as KioskApi;
}

async function call(bridge: KioskBridge, method: MethodName, request: unknown): Promise<unknown> {
  let answer: unknown;
  try {
    answer = await (bridge[method] as Call)(request);
  } catch {
    // The bridges answer failures with envelopes; a rejection means the host itself is gone.
    throw new KioskError(
      'internal',
      'The kiosk service did not answer.',
      'Restart the kiosk; if it repeats, call support.',
    );
  }
  const envelope = envelopeSchema.safeParse(answer);
  if (!envelope.success) throw notUnderstood(method);
  if (!envelope.data.ok) throw KioskError.fromPayload(envelope.data.error);
  const responseSchema: z.ZodType = channels[method].response;
  const value = responseSchema.safeParse(envelope.data.value);
  if (!value.success) throw notUnderstood(method);
  return value.data;
}

function notUnderstood(method: MethodName): KioskError {
  return new KioskError(
    'internal',
    `The kiosk service answered ${method} with something this page does not understand.`,
    'Reload the kiosk: the page and the kiosk service may come from different builds.',
  );
}
