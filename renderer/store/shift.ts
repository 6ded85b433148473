// The operator's shift as the renderer holds it (docs/operators.md): the grant main answered at sign-in, which
// enrollment presents. Main decides when a shift ends (sign-out, idle sign-out, longest shift); the renderer
// follows: it asks main on the home screen and drops the grant at the deadline main told it, so the sign-in
// screen shows without waiting for a refused enrollment.
//
// The grant is also kept in sessionStorage (as the dev host's page token is, bridge/install-kiosk.ts): the kiosk
// reloads its page between customers to free memory (renderer-recycling.ts), and that must not sign the
// operator out mid-shift. The window's sessionStorage ends with the window; main still decides whether the
// grant is live (checkShift asks it before home offers an enrollment).
import { sessionGrantSchema, type SessionGrant } from '../../app/operator-session';
import { kiosk, useKiosk } from './kiosk-store';

const SHIFT_STORAGE_KEY = 'kiosk.shift';

export type ShiftSignIn =
  | { readonly kind: 'ok'; readonly pinChangeRequired: boolean }
  | { readonly kind: 'wrong'; readonly triesLeft: number }
  | { readonly kind: 'locked'; readonly until: number };

let deadline: ReturnType<typeof setTimeout> | null = null;

function keep(grant: SessionGrant | null, endsAt: number | null): void {
  if (deadline !== null) clearTimeout(deadline);
  deadline = null;
  useKiosk.setState({ shift: grant });
  remember(grant);
  if (grant !== null && endsAt !== null) {
    // The clocks of main and this page are the same machine's; a little late is fine, main refuses anyway.
    deadline = setTimeout(() => void checkShift(), Math.max(1_000, endsAt - Date.now() + 500));
  }
}

/** Signs an operator in for a shift; a temporary PIN answers `pinChangeRequired` (choose one with setShiftPin). */
export async function startShift(operatorId: string, pin: string): Promise<ShiftSignIn> {
  const answer = await kiosk().signIn({ operatorId, pin });
  if (!answer.valid) {
    return answer.lockedUntil === null
      ? { kind: 'wrong', triesLeft: answer.triesLeft }
      : { kind: 'locked', until: answer.lockedUntil };
  }
  keep(answer.grant, idleEnd(answer.grant));
  return { kind: 'ok', pinChangeRequired: answer.pinChangeRequired };
}

/** After a temporary PIN: the operator's own PIN, and the full shift main answers. */
export async function setShiftPin(newPin: string): Promise<void> {
  const shift = useKiosk.getState().shift;
  if (!shift) return;
  const answer = await kiosk().setPin({ grant: shift.token, newPin });
  keep(answer.grant, idleEnd(answer.grant));
}

/** Asks main whether the shift still runs (counts as activity); drops it when main says it ended. */
export async function checkShift(): Promise<void> {
  // After a page reload the store is empty: take the grant this window kept, if main still honours it.
  const shift = useKiosk.getState().shift ?? recall();
  if (!shift) return;
  useKiosk.setState({ shift });
  try {
    const live = await kiosk().getShift({ grant: shift.token });
    keep(live.grant, live.idleSignOutAt);
  } catch {
    keep(null, null);
  }
}

/** Signs the operator out: in main at once, and here. */
export function endShift(): void {
  const shift = useKiosk.getState().shift;
  keep(null, null);
  if (shift)
    void kiosk()
      .endSession({ grant: shift.token })
      .catch(() => undefined);
}

/** The token an enrollment presents, or '' when nobody is signed in (main then refuses it). */
export function shiftToken(): string {
  return useKiosk.getState().shift?.token ?? '';
}

function idleEnd(grant: SessionGrant): number {
  return grant.idleMs === null ? grant.expiresAt : Math.min(grant.expiresAt, Date.now() + grant.idleMs);
}

// sessionStorage can be unavailable (storage disabled): then only a page reload signs the operator out.
function remember(grant: SessionGrant | null): void {
  try {
    if (grant === null) window.sessionStorage.removeItem(SHIFT_STORAGE_KEY);
    else window.sessionStorage.setItem(SHIFT_STORAGE_KEY, JSON.stringify(grant));
  } catch {
    // Kept in memory only.
  }
}

function recall(): SessionGrant | null {
  try {
    const stored = window.sessionStorage.getItem(SHIFT_STORAGE_KEY);
    const parsed = stored === null ? null : sessionGrantSchema.safeParse(JSON.parse(stored));
    return parsed?.success && parsed.data.kind === 'shift' ? parsed.data : null;
  } catch {
    return null;
  }
}
