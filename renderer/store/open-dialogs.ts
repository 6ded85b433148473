// Which dialogs are open right now, for decisions that must wait until none is (the renderer recycler must
// not reload under an operator typing a PIN). The PIN prompt is local state of the screen that shows it, so
// the dialog itself reports that it is mounted.
import { useEffect } from 'react';

let openDialogs = 0;

/** Call in a dialog component: counts it as open while it is mounted. */
export function useCountAsOpenDialog(): void {
  useEffect(() => {
    openDialogs += 1;
    return () => {
      openDialogs -= 1;
    };
  }, []);
}

export function isAnyDialogOpen(): boolean {
  return openDialogs > 0;
}
