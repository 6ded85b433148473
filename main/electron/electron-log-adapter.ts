// The core's Logger on top of electron-log: to a rotated file under the app's logs folder and to the console,
// every line scrubbed (no key, PIN, images or names) before it is written. Main only: electron-log's Node entry,
// not 'electron-log/main', which registers an IPC channel for any renderer at import and, once initialised,
// writes a preload into the user-data folder for the session to load (code from outside app.asar). The
// renderer has no logging channel.
import path from 'node:path';
import log from 'electron-log/node';
import type { LogFields, Logger } from '../log';
import type { LogScrubber } from '../log-scrub';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;

/** `logsFolder` is Electron's app.getPath('logs'): ~/.config/selfie-kiosk/logs, %APPDATA%\selfie-kiosk\logs. */
export function createElectronLogger(scrubber: LogScrubber, logsFolder: string): Logger {
  log.transports.file.resolvePathFn = () => path.join(logsFolder, 'main.log');
  // electron-log keeps one rotated file (main.old.log) beside main.log when this size is reached.
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  log.transports.console.level = 'info';
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => scrubber.scrubValue(item)) }));
  const write =
    (level: 'info' | 'warn' | 'error') =>
    (event: string, fields: LogFields = {}) =>
      log[level](event, scrubber.scrubValue(fields));
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
