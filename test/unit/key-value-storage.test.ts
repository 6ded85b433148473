// The key-value file port (main/storage/): one set of options for conf and electron-store, the conf adapter,
// setting a damaged file aside, and the temporary files an interrupted atomic write leaves.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { openConfFile, openConfSettingsFile } from '../../main/storage/conf-files';
import {
  keyValueFileOptions,
  keyValueFilePath,
  type KeyValueFileSpec,
} from '../../main/storage/key-value-file';
import { openOrSetAside } from '../../main/storage/set-aside';
import { SETTINGS_FILE_NAME, settingsFileSpec } from '../../main/storage/settings-file';
import { removeWriteLeftovers } from '../../main/storage/write-leftovers';

// electron-store loads Electron, which plain Node cannot: a stand-in records the options it is given.
const electronStoreOptions = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock('electron-store', () => ({
  default: class {
    readonly store = {};
    readonly path = '';
    constructor(options: Record<string, unknown>) {
      electronStoreOptions.push(options);
    }
  },
}));

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'kiosk-storage-'));
  electronStoreOptions.length = 0;
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const ownerOnly = process.platform === 'win32' ? it.skip : it;

describe('keyValueFileOptions', () => {
  it('asks conf for its own encryption only when given a key, and sets the mode only when given one', () => {
    expect(keyValueFileOptions({ folder, name: 'plain' })).toEqual({
      cwd: folder,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
    });
    expect(keyValueFileOptions({ folder, name: 'sealed', encryptionKey: 'k', fileMode: 0o600 })).toEqual({
      cwd: folder,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      encryptionKey: 'k',
      encryptionAlgorithm: 'aes-256-gcm',
      configFileMode: 0o600,
    });
  });

  it('is what the electron-store adapter passes, with the file name as electron-store calls it', async () => {
    const { openElectronStoreFile, openElectronStoreSettingsFile } =
      await import('../../main/electron/electron-store-files');
    const spec: KeyValueFileSpec = { folder, name: 'outbox-index-hot', fileMode: 0o600 };
    openElectronStoreFile(spec);
    openElectronStoreSettingsFile(folder);
    expect(electronStoreOptions).toEqual([
      { ...keyValueFileOptions(spec), name: 'outbox-index-hot' },
      { ...keyValueFileOptions(settingsFileSpec(folder)), name: SETTINGS_FILE_NAME },
    ]);
  });
});

describe('openConfFile', () => {
  it('writes <folder>/<name>.json, the path electron-store would use for the same spec', () => {
    const spec = { folder, name: 'some-file' };
    const file = openConfFile(spec);
    file.store = { answer: 42 };
    expect(file.path).toBe(keyValueFilePath(spec));
    expect(openConfFile(spec).store).toEqual({ answer: 42 });
  });

  ownerOnly('gives an owner-only file mode 0600', async () => {
    const file = openConfFile({ folder, name: 'private', fileMode: 0o600 });
    file.store = { a: 1 };
    expect((await stat(file.path)).mode & 0o777).toBe(0o600);
  });

  it('opens the settings file as kiosk-settings.json', () => {
    expect(openConfSettingsFile(folder).path).toBe(path.join(folder, `${SETTINGS_FILE_NAME}.json`));
  });
});

describe('openOrSetAside', () => {
  const schema = z.object({ version: z.literal(1) });
  const decode = (store: Record<string, unknown>) => schema.parse(store);
  const spec = () => ({ folder, name: 'thing' });

  it('opens a missing file as empty without setting anything aside', async () => {
    const opened = await openOrSetAside(openConfFile, spec(), decode);
    expect(opened).toMatchObject({ content: null, setAsidePath: null });
    expect(await readdir(folder)).toEqual([]);
  });

  it('hands back what a valid file holds', async () => {
    openConfFile(spec()).store = { version: 1 };
    const opened = await openOrSetAside(openConfFile, spec(), decode);
    expect(opened).toMatchObject({ content: { version: 1 }, setAsidePath: null });
  });

  it.each([
    ['garbage', '\u0000\u00ffnot json{{{'],
    ['another format', JSON.stringify({ version: 7 })],
  ])('sets a file holding %s aside, unchanged, and opens an empty one in its place', async (_what, text) => {
    const filePath = keyValueFilePath(spec());
    await writeFile(filePath, text);
    const opened = await openOrSetAside(openConfFile, spec(), decode);
    expect(opened.content).toBeNull();
    expect(opened.setAsidePath).toMatch(/thing\.json\.unreadable-\d+$/);
    expect(await readFile(opened.setAsidePath!, 'utf8')).toBe(text);
    expect(opened.file.store).toEqual({});
  });

  it('sets aside a file conf cannot decrypt with the key it is given', async () => {
    const encrypted = { folder, name: 'secret', encryptionKey: 'right-key' };
    openConfFile(encrypted).store = { version: 1 };
    const opened = await openOrSetAside(openConfFile, { ...encrypted, encryptionKey: 'wrong-key' }, decode);
    expect(opened.setAsidePath).toMatch(/secret\.json\.unreadable-/);
  });
});

describe('removeWriteLeftovers', () => {
  it("removes only the file's own temporary files", async () => {
    await writeFile(path.join(folder, 'a.json'), '{}');
    await writeFile(path.join(folder, 'a.json.tmp-1234567890abcdef'), '{');
    await writeFile(path.join(folder, 'b.json.tmp-1234567890abcdef'), '{');
    await removeWriteLeftovers(path.join(folder, 'a.json'));
    expect((await readdir(folder)).sort()).toEqual(['a.json', 'b.json.tmp-1234567890abcdef']);
  });

  it('does nothing when the folder does not exist yet', async () => {
    await expect(removeWriteLeftovers(path.join(folder, 'missing', 'a.json'))).resolves.toBeUndefined();
  });
});
