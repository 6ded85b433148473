// What the renderer's session may do, as pure decisions (wired to Electron in main/electron/session.ts):
// only the camera (video, no microphone) and only for the app's own origin; no navigation away, no new
// windows, no webviews, no downloads but the files the kiosk's own page makes.
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

/**
 * will-download: only a file the kiosk's own page made (a blob: URL of the app origin — the supervisor's audit,
 * end-of-day and diagnostics exports, renderer/store/downloads.ts), which Electron then offers in a save dialog.
 * Anything fetched from elsewhere is cancelled.
 */
export function allowDownload(url: string): boolean {
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

/** ipcMain.handle: only frames of the app origin may call main. */
export function isTrustedSender(senderFrameUrl: string | undefined | null): boolean {
  return isAppUrl(senderFrameUrl);
}
