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

/** Whatever the fields hold, a registered secret or image data never reaches `inner`. */
export function scrubbedLogger(inner: Logger, scrubber: { scrubValue(value: unknown): unknown }): Logger {
  const clean = (fields: LogFields | undefined): LogFields | undefined =>
    fields === undefined ? undefined : (scrubber.scrubValue(fields) as LogFields);
  return {
    info: (event, fields) => inner.info(event, clean(fields)),
    warn: (event, fields) => inner.warn(event, clean(fields)),
    error: (event, fields) => inner.error(event, clean(fields)),
  };
}
