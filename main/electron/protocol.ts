// The renderer on app://kiosk/, from inside app.asar, answered by the same responder the dev host uses
// (main/hosting/renderer-assets.ts). A custom standard+secure scheme gives the renderer a real origin
// (getUserMedia needs a secure context) without file:// and its broad privileges.
import { protocol } from 'electron';
import { createRendererAssets } from '../hosting/renderer-assets';
import { APP_ORIGIN, APP_SCHEME } from './policy/app-origin';

/** Must run before app 'ready' (Electron ignores privileges registered later). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After 'ready': every app:// request goes to the shared responder. */
export async function serveRenderer(rendererDir: string): Promise<void> {
  protocol.handle(APP_SCHEME, await createRendererAssets({ folder: rendererDir, origin: APP_ORIGIN }));
}
