// A strict local Smile ID v1 simulator (prep_upload → PUT zip → job_status) on 127.0.0.1 only, with
// seeded fault injection so the kiosk's retry logic can be exercised reproducibly, offline, without a
// sandbox account. This file is the HTTP plumbing and the fault pipeline; the rules live in handle-*.ts.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatorCore } from './core';
import { handleControl } from './handle-control';
import { handleJobStatus } from './handle-job-status';
import { handlePrepUpload } from './handle-prep-upload';
import { handleUploadPut } from './handle-upload-put';
import { BodyTooLargeError, jsonReply, readBody, s3Error, smileError, writeReply } from './http-io';
import type { Reply } from './http-io';
import { inFaultScope } from './faults';
import { resolveOptions } from './options';
import type { FaultRoute, SimulatorBehaviourPatch, SimulatorOptions } from './options';
import { routeOf } from './routes';
import type { SimulatorJobView } from './state';

export type { SimulatorOptions, SimulatorBehaviour, SimulatorBehaviourPatch, FaultRoute } from './options';
export type { SimulatorJobView } from './state';

export const SIMULATOR_HOST = '127.0.0.1';

// JSON calls are small; a zip of a selfie and 8 liveness frames is well under a few MB.
const API_BODY_LIMIT = 1024 * 1024;
const ZIP_BODY_LIMIT = 64 * 1024 * 1024;

export interface RunningSimulator {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** url + '/v1': what the Smile ID client takes as its base URL. */
  readonly apiUrl: string;
  readonly port: number;
  /** Same as POST /__simulator/control; throws on an unknown key or a bad value. */
  configure(patch: SimulatorBehaviourPatch): void;
  /** Same as GET /__simulator/jobs. */
  jobs(): SimulatorJobView[];
  /** Same as POST /__simulator/reset. */
  reset(): void;
  /** Stops listening and ends every connection, including ones held open by the noAnswer fault. */
  close(): Promise<void>;
}

export interface SimulatorServing {
  /**
   * Serve /__simulator/health, jobs, control and reset (default true). The kiosk's training backend turns them
   * off: any local process could otherwise read what was enrolled or change the outcomes.
   */
  readonly harnessRoutes?: boolean;
}

export async function startSimulator(
  options: SimulatorOptions,
  serving: SimulatorServing = {},
): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const core = new SimulatorCore(resolved);
  const harnessRoutes = serving.harnessRoutes ?? true;
  const server = createServer((req, res) => {
    void serve(core, req, res, harnessRoutes);
  });
  // A throttled upload may legitimately take longer than Node's default 5-minute request timeout.
  server.requestTimeout = 0;
  await listen(server, resolved.port);
  const { port } = server.address() as AddressInfo;
  core.baseUrl = `http://${SIMULATOR_HOST}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url: core.baseUrl,
    apiUrl: `${core.baseUrl}/v1`,
    port,
    configure: (patch) => core.configure(patch),
    jobs: () => core.jobs(),
    reset: () => core.reset(),
    close: () => (closing ??= closeServer(server, core)),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, SIMULATOR_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server, core: SimulatorCore): Promise<void> {
  core.shutdown();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function serve(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  harnessRoutes: boolean,
): Promise<void> {
  // A client that gives up mid-request must not crash the simulator; the awaits below see the failure.
  req.on('error', ignore);
  res.on('error', ignore);
  try {
    const url = new URL(req.url ?? '/', core.baseUrl);
    const route = routeOf(req.method, url.pathname);
    if (route.kind === 'smile') {
      await serveSmile(core, route.name, url, req, res);
      return;
    }
    const body = await readBody(req, null, API_BODY_LIMIT);
    const reply =
      route.kind === 'control' && harnessRoutes
        ? handleControl(core, route.name, body)
        : jsonReply(404, { error: 'Not found' });
    await writeReply(res, reply, null);
  } catch (error) {
    if (core.signal.aborted || res.destroyed) return;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const reply =
      error instanceof BodyTooLargeError
        ? {
            ...smileError(413, '2213', error.message),
            headers: { 'Content-Type': 'application/json', Connection: 'close' },
          }
        : smileError(
            500,
            '2201',
            `Simulator error: ${error instanceof Error ? error.message : String(error)}`,
          );
    await writeReply(res, reply, null).catch(ignore);
  }
}

/**
 * The fault pipeline, in a fixed order so a seed replays exactly:
 * reset (before reading) → noAnswer (read, never answer) → latency → http500 (not handled) →
 * handle → dropResponse (handled, answer lost) → answer through the bandwidth cap.
 */
async function serveSmile(
  core: SimulatorCore,
  name: FaultRoute,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const faulty = inFaultScope(core.behaviour.faultScope, name);
  const bucket = faulty ? core.bucket : null;
  if (core.fires('reset', name)) {
    req.socket.resetAndDestroy();
    return;
  }
  const noAnswer = core.fires('noAnswer', name);
  const body = await readBody(req, bucket, name === 'put' ? ZIP_BODY_LIMIT : API_BODY_LIMIT);
  // Left open on purpose: the client times out, or close() ends the connection.
  if (noAnswer) return;
  if (faulty && core.behaviour.latencyMs > 0) await core.sleep(core.behaviour.latencyMs);
  if (core.fires('http500', name)) {
    await writeReply(res, internalError(name), bucket);
    return;
  }
  const reply = await handleSmile(core, name, url, req, body);
  if (core.fires('dropResponse', name)) {
    req.socket.destroy();
    return;
  }
  await writeReply(res, reply, bucket);
}

function handleSmile(
  core: SimulatorCore,
  name: FaultRoute,
  url: URL,
  req: IncomingMessage,
  body: Buffer,
): Reply | Promise<Reply> {
  switch (name) {
    case 'upload':
      return handlePrepUpload(core, body);
    case 'job_status':
      return handleJobStatus(core, body);
    case 'put':
      return handleUploadPut(core, { url, contentType: req.headers['content-type'], body });
  }
}

function internalError(name: FaultRoute): Reply {
  return name === 'put'
    ? s3Error(500, 'InternalError', 'We encountered an internal error. Please try again.')
    : smileError(500, '2201', 'Unknown system error');
}

function ignore(): void {
  // Errors on a connection the client abandoned need no handling beyond not crashing.
}
