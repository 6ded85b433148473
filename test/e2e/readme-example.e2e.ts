// The README is executable truth: this file reads the dev-host-with-simulator example out of README.md (the
// fenced block after the `<!-- readme-test: dev-host-with-simulator -->` marker), runs its two commands as
// documented, and opens the printed address in Chromium until the home screen shows. What it changes to run
// safely beside other tests, and nothing else:
//   - the simulator gets `--port 0` (any free port) instead of 8080, and the kiosk's SMILEID_BASE_URL follows
//     the port the simulator prints;
//   - the dev host gets PORT=0 (the documented default, 5180, may be taken) and a fresh temporary
//     KIOSK_DATA_DIR instead of /tmp/kiosk-a;
//   - `npm run start:web` is the package.json script minus its first step, `npm run build:renderer`: the
//     renderer the e2e run already built is served instead (KIOSK_RENDERER_DIR), so this test never rebuilds
//     dist/renderer under another test.
// It also starts the same command with an API key the kiosk refuses, and checks that the refused start says
// which variable is wrong and writes nothing into the data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKioskBrowser, type KioskBrowser } from './support/browser';
import { enterPin, RENDERER_DIR } from './support/kiosk-session';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const MARKER = '<!-- readme-test: dev-host-with-simulator';
const RENDERER = RENDERER_DIR ?? path.join(REPO_ROOT, 'dist', 'renderer');

/** One documented command: its leading NAME=value assignments and its words. */
interface Command {
  readonly env: Readonly<Record<string, string>>;
  readonly argv: readonly string[];
}

/** The sh block after the marker, as commands: continuation lines joined, comments dropped. */
function documentedCommands(readme: string): Command[] {
  const at = readme.indexOf(MARKER);
  if (at === -1) throw new Error(`README.md has no "${MARKER}" marker`);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at))?.[1];
  if (block === undefined) throw new Error('no ```sh block after the README marker');
  return block
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '')
    .map(parseCommand);
}

/** Plain words only: the example must stay something a reader can paste into any shell. */
function parseCommand(line: string): Command {
  if (/[|;&`$'"<>()]/.test(line)) throw new Error(`the README example uses shell syntax: ${line}`);
  const words = line.split(/\s+/);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  return { env, argv: words };
}

/** The value after a flag (`--port 8080` → '8080'). */
function flagValue(argv: readonly string[], flag: string): string {
  const at = argv.indexOf(flag);
  if (at === -1 || at + 1 >= argv.length) throw new Error(`the README command has no ${flag}`);
  return argv[at + 1]!;
}

function withFlag(argv: readonly string[], flag: string, value: string): string[] {
  const copy = [...argv];
  copy[copy.indexOf(flag) + 1] = value;
  return copy;
}

interface Running {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves with the first match of `pattern` in stdout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
const cleanup: Array<() => Promise<void>> = [];
let ui: KioskBrowser | undefined;

afterEach(async () => {
  await ui?.close();
  ui = undefined;
  for (const child of running.splice(0)) await stop(child);
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Each command in its own process group, so stopping it stops npm, sh, tsx and node alike. */
function start(argv: readonly string[], env: Record<string, string>): Running {
  const [command, ...args] = argv;
  const child = spawn(command!, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => `${stdout}\n${stderr}`,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (!match) return;
          cleanupWait();
          resolve(match);
        };
        const timer = setTimeout(() => {
          cleanupWait();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${stdout}\n${stderr}`));
        }, timeoutMs);
        const onExit = () => {
          cleanupWait();
          reject(new Error(`exited before ${pattern}; output:\n${stdout}\n${stderr}`));
        };
        const cleanupWait = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
        };
        listeners.add(check);
        child.on('exit', onExit);
        check();
      });
    },
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = new Promise((resolve) => child.on('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await gone;
}

/** `npm run start:web` as package.json defines it, minus the renderer build this run has already done. */
async function startWebWithoutBuild(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [build, ...rest] = (pkg.scripts['start:web'] ?? '').split(' && ');
  expect(build).toBe('npm run build:renderer');
  expect(rest.length).toBeGreaterThan(0);
  return rest.join(' && ');
}

/** What npm run adds to PATH for a script's commands. */
function npmScriptPath(): string {
  return `${path.join(REPO_ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`;
}

async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-readme-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function theExample(): Promise<{ simulator: Command; kiosk: Command }> {
  const commands = documentedCommands(await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8'));
  expect(commands).toHaveLength(2);
  const [simulator, kiosk] = commands as [Command, Command];
  expect(simulator.argv.slice(0, 3)).toEqual(['npm', 'run', 'simulator']);
  expect(kiosk.argv).toEqual(['npm', 'run', 'start:web']);
  return { simulator, kiosk };
}

/** The kiosk's documented environment, made safe for a test: free ports, a fresh data folder. */
function safeKioskEnv(kiosk: Command, simulatorPort: string, dataDir: string): Record<string, string> {
  const baseUrl = new URL(kiosk.env.SMILEID_BASE_URL ?? '');
  baseUrl.port = simulatorPort;
  expect(path.isAbsolute(kiosk.env.KIOSK_DATA_DIR ?? '')).toBe(true);
  return {
    ...kiosk.env,
    SMILEID_BASE_URL: baseUrl.toString().replace(/\/$/, ''),
    KIOSK_DATA_DIR: dataDir,
    PORT: '0',
    KIOSK_RENDERER_DIR: RENDERER,
    PATH: npmScriptPath(),
  };
}

describe('the README example, run as documented', () => {
  it('simulator + npm run start:web reach the home screen in Chromium, provisioned as the README says', async () => {
    const { simulator, kiosk } = await theExample();
    // The two commands agree on the simulator's port, partner ID and key.
    const documentedPort = flagValue(simulator.argv, '--port');
    expect(new URL(kiosk.env.SMILEID_BASE_URL ?? '').port).toBe(documentedPort);
    expect(kiosk.env.SMILEID_PARTNER_ID).toBe(flagValue(simulator.argv, '--partner-id'));
    expect(kiosk.env.SMILEID_API_KEY).toBe(flagValue(simulator.argv, '--api-key'));

    const sim = start(withFlag(simulator.argv, '--port', '0'), {});
    const [, simulatorUrl, simulatorPort] = await sim.waitFor(
      /Smile ID simulator listening on (http:\/\/127\.0\.0\.1:(\d+))/,
    );
    expect(simulatorUrl).toBeDefined();

    const dataDir = await tempDataDir();
    const host = start(
      ['sh', '-c', await startWebWithoutBuild()],
      safeKioskEnv(kiosk, simulatorPort!, dataDir),
    );
    // The line the README's quick start shows: "Selfie kiosk (dev host) on http://127.0.0.1:5180/#token=…".
    const [, address] = await host.waitFor(
      /Selfie kiosk \(dev host\) on (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/,
    );
    await host.waitFor(/Smile ID environment: custom/);
    expect(host.output()).not.toMatch(/not configured yet/);

    ui = await openKioskBrowser(address!, null);
    const { page } = ui;
    await page.waitForFunction(
      () => document.querySelector('[data-screen]')?.getAttribute('data-screen') === 'home',
      null,
      { timeout: 30_000 },
    );
    await ui.screenshot('readme-example-home');

    // Provisioned as documented: the README's PIN opens Settings, which shows its kiosk ID and branch.
    await page.getByTestId('open-settings').click();
    // The provisioned PIN is the kiosk's first supervisor's.
    await enterPin(page, kiosk.env.KIOSK_OPERATOR_PIN);
    await page.getByTestId('setup-save').waitFor();
    expect(await page.getByTestId('setup-kioskId').inputValue()).toBe(kiosk.env.KIOSK_ID);
    expect(await page.getByTestId('setup-branch').inputValue()).toBe(kiosk.env.BRANCH);
    expect(await page.getByTestId('setup-environment').inputValue()).toBe('custom');
    expect(await page.getByTestId('setup-partnerId').inputValue()).toBe(kiosk.env.SMILEID_PARTNER_ID);
    expect(await page.getByTestId('setup-apiKey-hint').textContent()).toMatch(/An API key is set/);
    expect(await readdir(dataDir)).toContain('kiosk-settings.json');
  });

  it('a refused start (an API key too short) names the variable and writes nothing', async () => {
    const { kiosk } = await theExample();
    const dataDir = await tempDataDir();
    const env = { ...safeKioskEnv(kiosk, '8080', dataDir), SMILEID_API_KEY: 'k3y-xyz' };
    const host = start(['sh', '-c', await startWebWithoutBuild()], env);
    expect(await host.exited).toBe(1);
    expect(host.output()).toMatch(/SMILEID_API_KEY is not valid: it must be 8 to 512 characters/);
    expect(host.output()).not.toContain('k3y-xyz');
    // Not a settings file, not a vault, not an outbox: the next start is a first start again.
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('says the Node.js version package.json, .nvmrc and tools/ci/node24.sh require and provide', async () => {
    const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const stated = /Requires \*\*Node\.js (\d+) LTS\*\* \(`\.nvmrc`; ≥ (\d+)\.(\d+)\)/.exec(readme);
    expect(stated, 'the README states the Node.js requirement').not.toBeNull();
    const [, major, minMajor, minMinor] = stated!;
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe(`>=${minMajor}.${minMinor}.0`);
    expect((await readFile(path.join(REPO_ROOT, '.nvmrc'), 'utf8')).trim()).toBe(major);
    const provided = /NODE24_VERSION:-(\d+)\.(\d+)\.\d+/.exec(
      await readFile(path.join(REPO_ROOT, 'tools', 'ci', 'node24.sh'), 'utf8'),
    );
    expect(Number(provided![1])).toBe(Number(major));
    expect(Number(provided![2])).toBeGreaterThanOrEqual(Number(minMinor));
  });
});
