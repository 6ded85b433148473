// Runs the Smile ID simulator CLI in a child process for benchmarks, so its CPU and event loop are not the
// measured client's. One process (`node --import tsx cli.ts`), not node_modules/.bin/tsx, whose grandchild a
// SIGKILL of the tsx process would leave behind.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 30_000;

export interface SimulatorChild {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts the simulator CLI with `args` and waits for its "listening on" line. */
export async function spawnSimulator(args: readonly string[]): Promise<SimulatorChild> {
  const cli = path.join(ROOT, 'main/smileid/simulator/cli.ts');
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If this process dies on an exception, the simulator must not outlive it.
  const killOnExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`simulator did not start within ${START_TIMEOUT_MS} ms:\n${output}`)),
        START_TIMEOUT_MS,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /Smile ID simulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`simulator exited early (code ${String(code)}):\n${output}`));
      });
    });
    return { url, port: Number(new URL(url).port), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
