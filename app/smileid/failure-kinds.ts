// Failures that carry no Smile ID code (network, HTTP, verification), classified like the codes in
// error-codes.ts. Data, so that the reaction to each can be tuned without code changes. The English is for main's
// logs; the screens say each kind in the operator's language (renderer/i18n `jobError.kinds`).
import type { ErrorCodeInfo } from './error-codes';

export type FailureKind =
  | 'network'
  | 'timeout'
  | 'server_error'
  | 'tls'
  | 'upload_refused'
  | 'response_invalid'
  | 'response_signature_invalid'
  | 'response_stale'
  | 'response_not_this_job'
  | 'endpoint_not_allowed'
  | 'result_pending'
  | 'api_error';

export const FAILURE_KINDS: Readonly<Record<Exclude<FailureKind, 'api_error'>, ErrorCodeInfo>> = {
  network: {
    class: 'transient',
    reason: 'No connection to Smile ID.',
    action: 'Nothing: it will be sent when the network is back.',
  },
  timeout: {
    class: 'transient',
    reason: 'Smile ID did not answer in time.',
    action: 'Nothing: the kiosk retries automatically.',
  },
  server_error: {
    class: 'transient',
    reason: 'Smile ID had a server error.',
    action: 'Nothing: the kiosk retries automatically.',
  },
  tls: {
    class: 'systemic',
    reason: 'The secure connection to Smile ID failed (certificate not trusted).',
    action: 'A supervisor must check the kiosk clock and whether the network intercepts HTTPS.',
  },
  upload_refused: {
    class: 'transient',
    reason: 'The upload link was refused or had expired.',
    action: 'Nothing: the kiosk asks for a new link.',
  },
  response_invalid: {
    class: 'transient',
    reason: 'Smile ID sent an answer the kiosk could not read.',
    action: 'Nothing: the kiosk retries; call support if it repeats.',
  },
  response_signature_invalid: {
    class: 'systemic',
    reason: 'Smile ID answers could not be verified: wrong API key, or the network alters answers.',
    action: 'A supervisor must check the API key and environment, and the network.',
  },
  response_stale: {
    class: 'systemic',
    reason:
      'A Smile ID answer was too old or from the future: the kiosk clock is wrong, or answers are replayed.',
    action: 'A supervisor must check the kiosk date and time, and the network.',
  },
  response_not_this_job: {
    class: 'systemic',
    reason: 'A Smile ID answer was about another enrollment: the network may alter answers.',
    action: 'A supervisor must check the network and call support.',
  },
  endpoint_not_allowed: {
    class: 'systemic',
    reason: 'The kiosk is set to send to an address it may not use (only https to Smile ID is allowed).',
    action: 'A supervisor must choose the Smile ID sandbox or production environment in Settings.',
  },
  result_pending: {
    class: 'transient',
    reason: 'Smile ID has not finished processing yet.',
    action: 'Nothing: the kiosk asks again later.',
  },
};
