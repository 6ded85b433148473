// The index files hold their records sealed with AES-256-GCM (main/secure/aes-gcm.ts), so the files themselves
// can be plain JSON that conf / electron-store write without their own whole-file encryption, which runs a
// PBKDF2 key derivation (10,000 rounds) on every read and every write. The key here is derived once, when the
// index opens, from the per-install data key (HKDF), so it is never the key that seals the job folders. Each
// sealed value is bound to its context (which file, which generation), so one cannot stand in for another.
import { hkdfSync } from 'node:crypto';
import { KEY_BYTES, open, seal } from '../secure/aes-gcm';

const KEY_SALT = 'selfie-kiosk';
const KEY_INFO = 'outbox-index/2';

export class IndexSealer {
  private readonly key: Buffer;

  constructor(dataKey: Uint8Array) {
    this.key = Buffer.from(hkdfSync('sha256', dataKey, KEY_SALT, KEY_INFO, KEY_BYTES));
  }

  /** `value` as JSON, sealed and in base64 (the file is JSON). */
  seal(value: unknown, context: string): string {
    return seal(this.key, Buffer.from(JSON.stringify(value), 'utf8'), context).toString('base64');
  }

  /** What `seal` sealed in this context. Throws DecryptionError (damaged, other key, other context). */
  open(sealed: string, context: string): unknown {
    return JSON.parse(open(this.key, Buffer.from(sealed, 'base64'), context).toString('utf8'));
  }
}
