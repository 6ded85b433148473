// Structured logging for main. Fields are primitives only, so an image or a key object cannot be logged by
// accident; logs carry job_id and state, never images, names or keys (docs/architecture.md "Security rules").
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function createConsoleLogger(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const emit =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      write(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }));
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
