// How the kiosk reacts to each Smile ID request error code (docs/smileid-protocol.md §5.2). This is data on purpose:
// correcting a code's class or wording must not need a code change. `reason` and `action` are English for main's
// logs; the screens say each code in the operator's language (renderer/i18n `jobError.smileId`), and a test holds
// both tables to the same codes.
//   transient — retry the same job later with backoff;
//   permanent — the job needs an operator (the reason says what to do);
//   systemic  — the kiosk's configuration or clock is wrong: pause the whole queue, spend no attempts.

export type ErrorClass = 'transient' | 'permanent' | 'systemic';

export interface ErrorCodeInfo {
  readonly class: ErrorClass;
  /** What happened, in plain English (logs). */
  readonly reason: string;
  /** What the operator should do about it, in plain English (logs). */
  readonly action: string;
}

export const SMILE_ID_ERROR_CODES: Readonly<Record<string, ErrorCodeInfo>> = {
  '2201': {
    class: 'transient',
    reason: 'Smile ID had an internal error.',
    action: 'Nothing: the kiosk retries automatically.',
  },
  '2301': {
    class: 'transient',
    reason: 'Smile ID had an internal error.',
    action: 'Nothing: the kiosk retries automatically.',
  },
  '2401': {
    class: 'transient',
    reason: 'Smile ID had an internal error.',
    action: 'Nothing: the kiosk retries automatically.',
  },
  '2314': {
    class: 'transient',
    reason: 'Smile ID did not receive the upload.',
    action: 'Nothing: the kiosk uploads again.',
  },
  '2203': {
    class: 'permanent',
    reason: 'Smile ID could not read the enrollment package.',
    action: 'Retake the selfie; if it repeats, call support.',
  },
  '2204': {
    class: 'systemic',
    reason: 'Smile ID refused the request: the partner ID or API key does not match this environment.',
    action: 'A supervisor must check the partner ID, API key and environment in Settings.',
  },
  '2205': {
    class: 'systemic',
    reason: 'Smile ID refused the request signature: wrong API key or the kiosk clock is wrong.',
    action: 'A supervisor must check the API key, environment and the kiosk clock.',
  },
  '2405': {
    class: 'systemic',
    reason: 'Smile ID refused the request signature: wrong API key or the kiosk clock is wrong.',
    action: 'A supervisor must check the API key, environment and the kiosk clock.',
  },
  '2207': {
    class: 'permanent',
    reason: 'This customer is disabled at Smile ID.',
    action: 'Call a supervisor; the customer cannot be enrolled from the kiosk.',
  },
  '2208': {
    class: 'permanent',
    reason: 'This customer was deleted at Smile ID.',
    action: 'Call a supervisor; the customer cannot be enrolled from the kiosk.',
  },
  '2209': {
    class: 'permanent',
    reason: 'This user ID is already enrolled with Smile ID.',
    action: 'Check the user ID; a supervisor can allow a re-enrollment.',
  },
  '2210': {
    class: 'permanent',
    reason: 'Smile ID has no enrolled user for this ID.',
    action: 'Check the user ID.',
  },
  '2211': {
    class: 'permanent',
    reason: 'Smile ID asks for this customer to enroll again.',
    action: 'Call a supervisor to allow a re-enrollment.',
  },
  '2212': {
    class: 'permanent',
    reason: 'Smile ID refused the job type.',
    action: 'Call support: the kiosk sent an invalid job type.',
  },
  '2213': {
    class: 'permanent',
    reason: 'Smile ID says a required field is missing.',
    action: 'Call support with the job ID.',
  },
  '2413': {
    class: 'permanent',
    reason: 'Smile ID says a required field is missing.',
    action: 'Call support with the job ID.',
  },
  '2215': {
    class: 'transient',
    reason: 'Smile ID already has this job.',
    action: 'Nothing: the kiosk continues the same job.',
  },
  '2216': {
    class: 'permanent',
    reason: 'Smile ID has no photo on file for this customer.',
    action: 'Call a supervisor.',
  },
  '2217': {
    class: 'permanent',
    reason: 'Smile ID says this product is not enabled.',
    action: 'Call support: the account needs SmartSelfie enabled.',
  },
  '2220': {
    class: 'systemic',
    reason: 'Production is not enabled for this Smile ID account.',
    action: 'A supervisor must switch to the sandbox or ask Smile ID to enable production.',
  },
};

/** Any code the table does not know is treated as permanent: an operator looks at it rather than a loop. */
export const UNKNOWN_ERROR_CODE: ErrorCodeInfo = {
  class: 'permanent',
  reason: 'Smile ID refused the request with an unknown code.',
  action: 'Call support with the job ID and the code.',
};

export function describeErrorCode(code: string): ErrorCodeInfo {
  return SMILE_ID_ERROR_CODES[code] ?? UNKNOWN_ERROR_CODE;
}
