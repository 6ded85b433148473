// What the renderer's session may do, as pure decisions (wired to Electron in main/electron/session.ts):
// only the camera (video, no microphone) and only for the app's own origin; no navigation away, no new
// windows, no webviews, no downloads.
import { isAppUrl } from './app-origin';

export interface MediaPermissionDetails {
  readonly mediaTypes?: readonly string[];
  readonly requestingUrl?: string;
}

/** setPermissionRequestHandler: grant 'media' for video only, to the app origin only. */
export function allowPermissionRequest(
  permission: string,
  requestingUrl: string | undefined,
  details: MediaPermissionDetails,
): boolean {
  if (permission !== 'media' || !isAppUrl(requestingUrl ?? details.requestingUrl)) return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

/** setPermissionCheckHandler: the synchronous check Chromium makes before using a granted permission. */
export function allowPermissionCheck(
  permission: string,
  requestingOrigin: string,
  mediaType?: string,
): boolean {
  if (permission !== 'media' || !isAppUrl(requestingOrigin)) return false;
  return mediaType === undefined || mediaType === 'video';
}

/** will-navigate / will-redirect: the kiosk never leaves its own pages. */
export function allowNavigation(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}

/** setWindowOpenHandler: no new windows, ever. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** will-attach-webview: always refused (webviewTag is off too). */
export function allowWebview(): boolean {
  return false;
}

/** will-download: always cancelled. */
export function allowDownload(): boolean {
  return false;
}

/** ipcMain.handle: only frames of the app origin may call main. */
export function isTrustedSender(senderFrameUrl: string | undefined | null): boolean {
  return isAppUrl(senderFrameUrl);
}
