// How the outbox reaches Smile ID: built from settings by the composition root, rebuilt when they change.
import type { SmileIdClient } from '../smileid/client';
import type { Probe } from './connectivity';

/** How the outbox reaches Smile ID, built from settings by the composition root; null when not configured. */
export interface SmileIdConnection {
  readonly client: SmileIdClient;
  readonly probe: Probe;
  readonly callbackUrl?: string;
  readonly training: boolean;
}

export interface ConnectionObserver {
  readonly onServerTime: (serverTime: Date, localTime: Date) => void;
}
