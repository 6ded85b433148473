// The kiosk's small key-value files (settings, the outbox index) as a port: electron-store in the Electron
// shell, conf in plain Node (dev host, tests, benchmarks). electron-store extends conf, so both write the
// same file as long as they are given the same options: keyValueFileOptions() is the one place those
// options are decided, and each adapter only adds the file's name (`name` in electron-store, `configName`
// in conf).
import path from 'node:path';

/** The part of Conf / ElectronStore the kiosk uses: both read and replace the whole store through `.store`. */
export interface KeyValueFile {
  store: Record<string, unknown>;
  readonly path: string;
}

export type OpenKeyValueFile = () => KeyValueFile;

/** Which file to open, and how: the file is `<folder>/<name>.json`. */
export interface KeyValueFileSpec {
  readonly folder: string;
  readonly name: string;
  /**
   * conf's own whole-file encryption. It derives its key (PBKDF2, 10,000 rounds) on every read and write of
   * the whole file, so only the legacy outbox index uses it; newer files seal their values themselves.
   */
  readonly encryptionKey?: string;
  /** Files holding customer data are owner-only (0o600). Without it, a new file gets the process default. */
  readonly fileMode?: number;
}

/** Opens any key-value file: what a host (Electron shell, plain Node) injects into the core. */
export type OpenKeyValueFileAt = (spec: KeyValueFileSpec) => KeyValueFile;

/** The options conf and electron-store share; each adapter adds the file name under its own key. */
export interface KeyValueFileOptions {
  readonly cwd: string;
  /** Keys are job ids and setting names, never paths: a dot in one must not make it a nested key. */
  readonly accessPropertiesByDotNotation: false;
  /** A damaged file is set aside by its owner (settings, outbox index), never silently emptied. */
  readonly clearInvalidConfig: false;
  readonly encryptionKey?: string;
  readonly encryptionAlgorithm?: 'aes-256-gcm';
  readonly configFileMode?: number;
}

export function keyValueFileOptions(spec: KeyValueFileSpec): KeyValueFileOptions {
  return {
    cwd: spec.folder,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    ...(spec.encryptionKey === undefined
      ? {}
      : { encryptionKey: spec.encryptionKey, encryptionAlgorithm: 'aes-256-gcm' }),
    ...(spec.fileMode === undefined ? {} : { configFileMode: spec.fileMode }),
  };
}

/** Where conf and electron-store keep the file of this spec (they resolve it the same way). */
export function keyValueFilePath(spec: Pick<KeyValueFileSpec, 'folder' | 'name'>): string {
  return path.resolve(spec.folder, `${spec.name}.json`);
}
