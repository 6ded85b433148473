// Whether the process environment weakens main in a way a packaged kiosk must refuse. The Smile ID client pins
// certificate checking on its own agent, but NODE_TLS_REJECT_UNAUTHORIZED=0 turns it off for every other TLS
// connection Node makes; a kiosk started like that was started by someone trying to read its traffic.
export interface StartRefusal {
  readonly reason: string;
  readonly action: string;
}

export function unsafeEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  packaged: boolean,
): StartRefusal | null {
  if (packaged && env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
    return {
      reason: 'The kiosk was started with certificate checking turned off (NODE_TLS_REJECT_UNAUTHORIZED=0).',
      action: 'Remove NODE_TLS_REJECT_UNAUTHORIZED from the kiosk’s environment, then start it again.',
    };
  }
  return null;
}

/** A start-up failure the shell shows as it is: its message is the reason, `action` what to do. */
export class StartRefusedError extends Error {
  constructor(
    message: string,
    readonly action: string,
  ) {
    super(message);
    this.name = 'StartRefusedError';
  }
}
