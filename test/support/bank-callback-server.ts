// The bank's server as Smile ID's callbacks see it, on 127.0.0.1 only: it keeps every JSON body posted to it,
// and can refuse the first few (answering 500) to exercise the sender's retries.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BankCallbackServer {
  /** http://127.0.0.1:PORT/smileid/callback */
  readonly url: string;
  /** Bodies of the POSTs answered 200, in arrival order. */
  readonly accepted: unknown[];
  /** How many POSTs arrived, refused ones included. */
  posts(): number;
  /** Waits until `count` bodies were accepted (no timing assertion: the test's own timeout bounds it). */
  waitForAccepted(count: number): Promise<unknown[]>;
  close(): Promise<void>;
}

export interface BankCallbackServerOptions {
  /** Answer the first N POSTs with 500, as a bank's server having a bad moment. */
  readonly refuseFirst?: number;
}

export async function startBankCallbackServer(
  options: BankCallbackServerOptions = {},
): Promise<BankCallbackServer> {
  const accepted: unknown[] = [];
  let posts = 0;
  const waiters = new Set<() => void>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      posts += 1;
      if (request.method !== 'POST' || posts <= (options.refuseFirst ?? 0)) {
        response.writeHead(500).end();
        return;
      }
      accepted.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/smileid/callback`,
    accepted,
    posts: () => posts,
    waitForAccepted: (count) =>
      new Promise((resolve) => {
        const check = () => {
          if (accepted.length < count) return;
          waiters.delete(check);
          resolve(accepted);
        };
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
