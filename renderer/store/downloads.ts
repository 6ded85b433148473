// How a file leaves the kiosk: the page hands it to the browser as a download (a Blob behind an <a download>),
// so the same code works in Electron — whose shell lets only such downloads of the app's own page through and
// asks where to save (main/electron/policy/session-policy.ts) — and in Chromium through the dev host. Main never
// writes exports to a folder of its choosing: the supervisor decides where the file goes.

/** What each kind of file is, for the browser and the program that opens it. */
export const DOWNLOAD_TYPES = {
  jsonl: 'application/x-ndjson',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
} as const;
export type DownloadType = keyof typeof DOWNLOAD_TYPES;

/**
 * Long enough for the browser to have read the Blob once the download started (the click starts it
 * asynchronously); the URL is then let go so the file's text does not stay in the page's memory.
 */
const RELEASE_AFTER_MS = 60_000;

/** Offers `content` as a file named `fileName`; the browser (or Electron's save dialog) takes it from here. */
export function downloadText(fileName: string, content: string, type: DownloadType): void {
  const url = URL.createObjectURL(new Blob([content], { type: DOWNLOAD_TYPES[type] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
  }
}
