// The core's Logger on top of electron-log: to a rotated file under the app's logs folder and to the console,
// every line scrubbed (no key, PIN, images or names) before it is written.
import log from 'electron-log/main';
import type { LogFields, Logger } from '../log';
import type { LogScrubber } from './policy/log-scrub';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export function createElectronLogger(scrubber: LogScrubber): Logger {
  log.initialize();
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
