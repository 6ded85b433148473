// The one dispatch from a kiosk call to the handler table, used by both hosts: Electron's ipcMain.handle (one
// registration per channel) and the dev host's POST /api/<channel>. It looks the channel up (own entries only),
// checks who is calling, and always answers an envelope — never a throw, which Electron would reduce to a bare
// message on its way to the page.
import { KioskError } from '../../app/errors';
import type { ChannelName, Envelope } from '../../app/ipc/channels';
import type { HandlerTable } from '../handlers';
import type { Logger } from '../log';

/** Who is calling: the URL of the frame (Electron's senderFrame.url) or the page (the dev host's origin). */
export interface CallSender {
  readonly url: string | null | undefined;
}

export type Dispatch = (channel: string, request: unknown, sender: CallSender) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  readonly handlers: HandlerTable;
  readonly isTrustedSender: (url: string | null | undefined) => boolean;
  readonly log: Logger;
}

/** True for a channel of the handler table; `constructor` or `__proto__` never reach Object.prototype. */
export function isKnownChannel(handlers: HandlerTable, channel: string): channel is ChannelName {
  return /^[A-Za-z]+\.[A-Za-z]+$/.test(channel) && Object.hasOwn(handlers, channel);
}

export function createDispatch(options: DispatchOptions): Dispatch {
  const { handlers, isTrustedSender, log } = options;
  return async (channel, request, sender) => {
    if (!isKnownChannel(handlers, channel)) {
      log.warn('ipc_unknown_channel', { channel: channel.slice(0, 80) });
      return refusal(new KioskError('not_found', 'There is no such kiosk call.', 'Reload the kiosk.'));
    }
    if (!isTrustedSender(sender.url)) {
      log.warn('ipc_untrusted_sender', { channel });
      return refusal(
        new KioskError('unauthorized', 'This page may not use the kiosk.', 'Restart the kiosk.'),
      );
    }
    return handlers[channel](request);
  };
}

function refusal(error: KioskError): Envelope<unknown> {
  return { ok: false, error: error.toPayload() };
}
