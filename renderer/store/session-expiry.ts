// The operator session's maximum age, mirrored in the page: main refuses the grant from `expiresAt` on, so the
// operator screens close then too, instead of failing at the next button press.
import { useEffect } from 'react';
import { resetFlow, useKiosk } from './kiosk-store';

export function useSessionExpiry(): void {
  const expiresAt = useKiosk((state) => state.session?.expiresAt ?? null);
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = window.setTimeout(resetFlow, Math.max(0, expiresAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [expiresAt]);
}
