// Audit entries are sealed at rest like the outbox index (main/outbox/index-sealing.ts): AES-256-GCM under a key
// derived once (HKDF) from the per-install data key the vault keeps, with its own label, so it is never the key
// of the job folders or of the index. Each sealed entry is bound to its sequence number, so an entry cannot be
// moved, repeated or swapped on disk without failing to open. Sealing hides the user IDs in the file; the hash
// chain inside the entries is what an export keeps once it leaves the kiosk.
import { hkdfSync } from 'node:crypto';
import { KEY_BYTES, open, seal } from '../secure/aes-gcm';

const KEY_SALT = 'selfie-kiosk';
const KEY_INFO = 'audit-log/1';

function context(seq: number): string {
  return `audit-log/1:seq:${seq}`;
}

export class AuditSealer {
  private readonly key: Buffer;

  constructor(dataKey: Uint8Array) {
    this.key = Buffer.from(hkdfSync('sha256', dataKey, KEY_SALT, KEY_INFO, KEY_BYTES));
  }

  /** The entry (a JSON value) sealed for its place in the log. */
  seal(entry: unknown, seq: number): Buffer {
    return seal(this.key, Buffer.from(JSON.stringify(entry), 'utf8'), context(seq));
  }

  /** What seal() sealed for `seq`. Throws DecryptionError (damaged, another key, another place in the log). */
  open(sealed: Uint8Array, seq: number): unknown {
    return JSON.parse(open(this.key, sealed, context(seq)).toString('utf8'));
  }
}
