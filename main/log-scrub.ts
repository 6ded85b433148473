// Log scrubbing for every host's log: secrets registered at run time (the API key when read or set, PINs) and
// anything that looks like image data (long base64 or data: URLs) never reach a log line. The kiosk core wraps
// the host's logger with it (scrubbedLogger in log.ts) and registers each secret as it learns it.
const DATA_URL = /data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g;
const LONG_BASE64 = /[A-Za-z0-9+/]{120,}={0,2}/g;
// Field names whose values are never logged, whatever they hold.
const SECRET_FIELDS =
  /^(pin|newPin|apiKey|key|secret|token|password|authorization|selfie|liveness|images?)$/i;
const JPEG_BYTES = /\\xff\\xd8\\xff[\s\S]*/g;

export class LogScrubber {
  private readonly secrets = new Set<string>();

  /** A value that must never be logged (e.g. the API key once read from the vault). */
  register(secret: string | null | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  scrub(text: string): string {
    let result = text
      .replace(DATA_URL, '[image]')
      .replace(LONG_BASE64, '[redacted-data]')
      .replace(JPEG_BYTES, '[image]');
    for (const secret of this.secrets) result = result.split(secret).join('[secret]');
    return result;
  }

  scrubValue(value: unknown): unknown {
    if (typeof value === 'string') return this.scrub(value);
    if (value instanceof Uint8Array) return `[${value.length} bytes]`;
    if (value instanceof Error) return this.scrub(`${value.name}: ${value.message}`);
    if (Array.isArray(value)) return value.map((item) => this.scrubValue(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) =>
          SECRET_FIELDS.test(key) ? [key, '[redacted]'] : [key, this.scrubValue(inner)],
        ),
      );
    }
    return value;
  }
}
