// The /__simulator/* routes: how tests, the bench and an operator inspect and steer the simulator over
// HTTP. They are never subject to faults, latency or the bandwidth cap: the harness must always get through.
import type { SimulatorCore } from './core';
import { jsonReply } from './http-io';
import type { Reply } from './http-io';
import { parseJsonObject } from './request-validation';

export type ControlRoute = 'health' | 'jobs' | 'control' | 'reset';

export function handleControl(core: SimulatorCore, route: ControlRoute, body: Buffer): Reply {
  switch (route) {
    case 'health':
      return jsonReply(200, { ok: true });
    case 'jobs':
      return jsonReply(200, core.jobs());
    case 'reset':
      core.reset();
      return jsonReply(200, { ok: true });
    case 'control': {
      const raw = parseJsonObject(body);
      if (!raw.ok) return jsonReply(400, { error: 'body must be a JSON object of behaviour fields' });
      try {
        core.configure(raw.value);
      } catch (error) {
        return jsonReply(400, { error: error instanceof Error ? error.message : String(error) });
      }
      return jsonReply(200, { ok: true, behaviour: core.behaviour });
    }
  }
}
