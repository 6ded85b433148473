// Who is acting right now. The handler table runs each call inside a context naming its actor (the operator
// session it presented, or nobody signed in), so what a call sets off deeper down — a settings change, the API
// key stored in the vault — is recorded under that actor without passing it through every layer. Anything
// outside a call (the outbox's own work, timers) acts as the system. Async work a call merely started (a timer
// the scheduler set while the call woke it) inherits the context, so a context counts only while its call runs.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MethodName } from '../../app/ipc/channels';
import { SYSTEM_ACTOR, type AuditActor } from '../../app/audit/entry';

export interface CallContext {
  readonly method: MethodName;
  readonly actor: AuditActor;
  /** Entries the call set off: it answers only once they are on disk. */
  readonly pending: Promise<void>[];
  /** False once the call has answered. */
  running: boolean;
}

const calls = new AsyncLocalStorage<CallContext>();

export async function runInCall<T>(context: CallContext, run: () => Promise<T>): Promise<T> {
  try {
    return await calls.run(context, run);
  } finally {
    context.running = false;
  }
}

/** The call running in this async context, if any. */
export function currentCall(): CallContext | undefined {
  const context = calls.getStore();
  return context?.running ? context : undefined;
}

export function currentActor(): AuditActor {
  return currentCall()?.actor ?? SYSTEM_ACTOR;
}
