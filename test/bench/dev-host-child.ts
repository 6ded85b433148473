// The dev host for the UI benchmarks, in a child process: this very file, run by node with tsx's loader and
// --expose-gc. In the bench process its RSS would be mixed with Playwright's (whose driver runs in-process and
// keeps an object for every request the page makes) and the bench's own; the child is the dev host and its
// training simulator alone, as on a kiosk. Settings the bench wants (e.g. renderer recycling) are applied
// through the settings store when the child starts, before any page loads.
import { fork, type ChildProcess } from 'node:child_process';
import type { SettingsPatch } from '../../app/settings';
import { startDevHostFromEnv } from '../../main/devhost/start';
import { silentLogger } from '../../main/log';
import { firstLine } from './bench-helpers';
import { kbField } from './chromium-processes';

export const BENCH_OPERATOR_PIN = '246810';

const DEV_HOST_CHILD_FLAG = '--ui-bench-dev-host';

export interface DevHostChildOptions {
  /** Applied through the settings store at start, before any page loads. */
  readonly settings?: SettingsPatch;
  /** The renderer build to serve; default dist/renderer. */
  readonly staticDir?: string;
}

export interface ChildMemory {
  rss: number;
  heapUsed: number;
  pssKb: number;
}

type ToChild = { type: 'memory' } | { type: 'close' };
type FromChild =
  | { type: 'ready'; openUrl: string }
  | { type: 'memory'; memory: ChildMemory }
  | { type: 'closed' }
  | { type: 'error'; message: string };

export class DevHostChild {
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly openUrl: string,
  ) {
    child.once('exit', () => {
      this.exited = true;
    });
  }

  static async start(dataDir: string, options: DevHostChildOptions = {}): Promise<DevHostChild> {
    const child = fork(import.meta.filename, [DEV_HOST_CHILD_FLAG, dataDir, JSON.stringify(options)], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    try {
      const ready = await DevHostChild.answer(child, 'ready');
      return new DevHostChild(child, ready.openUrl);
    } catch (error) {
      child.kill();
      throw error;
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async memory(): Promise<ChildMemory> {
    const answer = DevHostChild.answer(this.child, 'memory');
    this.send({ type: 'memory' });
    return (await answer).memory;
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.send({ type: 'close' });
    const timer = setTimeout(() => this.child.kill(), 30_000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: ToChild): void {
    this.child.send(message);
  }

  private static answer<K extends FromChild['type']>(
    child: ChildProcess,
    type: K,
  ): Promise<Extract<FromChild, { type: K }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromChild) => {
        if (message.type === type) {
          cleanUp();
          resolve(message as Extract<FromChild, { type: K }>);
        } else if (message.type === 'error') {
          cleanUp();
          reject(new Error(`dev host child: ${message.message}`));
        }
      };
      const onExit = (code: number | null) => {
        cleanUp();
        reject(new Error(`the dev host child exited (${code ?? 'signal'}) before answering '${type}'`));
      };
      const cleanUp = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  }
}

async function devHostChildMain(dataDir: string, optionsJson: string): Promise<void> {
  const options = JSON.parse(optionsJson) as DevHostChildOptions;
  const send = (message: FromChild, then?: () => void) => {
    process.send?.(message, undefined, undefined, () => then?.());
  };
  const host = await startDevHostFromEnv(
    { KIOSK_OPERATOR_PIN: BENCH_OPERATOR_PIN },
    {
      dataDir,
      port: 0,
      ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }),
      log: silentLogger,
      outbox: { pollSchedule: { intervalsMs: [0, 250, 500], deadlineMs: 30_000, maxCalls: 60 } },
    },
  );
  // Validated by the store itself (settingsPatchSchema), as an operator's change would be.
  host.core.settings.update(options.settings ?? {});
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    if (process.connected) send({ type: 'closed' }, () => process.exit(0));
    else process.exit(0);
  };
  process.on('disconnect', () => void close()); // the bench died: never outlive it
  process.on('message', (message: ToChild) => {
    if (message.type === 'close') void close();
    if (message.type === 'memory') {
      globalThis.gc?.();
      globalThis.gc?.();
      void kbField('/proc/self/smaps_rollup', 'Pss').then((pssKb) => {
        const { rss, heapUsed } = process.memoryUsage();
        send({ type: 'memory', memory: { rss, heapUsed, pssKb } });
      });
    }
  });
  send({ type: 'ready', openUrl: host.openUrl });
}

const childAt = process.argv.indexOf(DEV_HOST_CHILD_FLAG);
if (childAt !== -1) {
  devHostChildMain(process.argv[childAt + 1] ?? '', process.argv[childAt + 2] ?? '{}').catch(
    (error: unknown) => {
      process.send?.({ type: 'error', message: firstLine(error) } satisfies FromChild);
      process.exitCode = 1;
      setTimeout(() => process.exit(1), 100);
    },
  );
}
