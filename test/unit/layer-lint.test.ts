// The layer rule (tools/eslint/layers.js) through ESLint itself, with the project's config: a file placed in a
// layer may import only what that layer allows. Each case is a one-line file linted at a path inside the layer.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'local/layer-imports')
    .map((message) => message.message);
}

describe('layer lint rule', () => {
  it.each([
    ['main/electron/preload/x.ts', "import { log } from '../../log';", 'main'],
    ['main/electron/preload/x.ts', "import { app } from '../main';", 'main/electron'],
    ['main/electron/preload/x.ts', "import { readFile } from 'node:fs';", 'node:fs'],
    ['main/electron/preload/x.ts', "import { z } from 'zod';", 'zod'],
    ['main/smileid/x.ts', "import { Outbox } from '../outbox/outbox';", 'main/outbox'],
    ['main/smileid/x.ts', "import { SettingsStore } from '../settings/settings-store';", 'main/settings'],
    ['main/settings/x.ts', "import { Outbox } from '../outbox/outbox';", 'main/outbox'],
    ['main/smileid/x.ts', "import { startKioskCore } from '../kiosk-core';", 'main/composition'],
    ['main/outbox/x.ts', "import { createHandlers } from '../handlers';", 'main/composition'],
    ['main/outbox/x.ts', "import { app } from 'electron';", 'electron'],
    ['main/x.ts', "import Store from 'electron-store';", 'electron-store'],
    ['renderer/x.ts', "import { createHandlers } from '../main/handlers';", 'main'],
    ['renderer/x.ts', "import axios from 'axios';", 'axios'],
    ['app/x.ts', "import path from 'node:path';", 'node:path'],
    ['main/audit/x.ts', "import { Outbox } from '../outbox/outbox';", 'main/outbox'],
    ['main/audit/x.ts', "import { SettingsStore } from '../settings/settings-store';", 'main/settings'],
    ['main/outbox/x.ts', "import { AuditLog } from '../audit/audit-log';", 'main/audit'],
    // Diagnostics is given what it reports on as plain interfaces: it reaches into no other layer of main.
    ['main/diagnostics/x.ts', "import { AuditLog } from '../audit/audit-log';", 'main/audit'],
    ['main/diagnostics/x.ts', "import { Outbox } from '../outbox/outbox';", 'main/outbox'],
    ['main/diagnostics/x.ts', "import { SettingsStore } from '../settings/settings-store';", 'main/settings'],
    [
      'main/audit/x.ts',
      "import { diagnosticsExporter } from '../diagnostics/export-diagnostics';",
      'main/diagnostics',
    ],
  ])('refuses in %s: %s', async (file, source, named) => {
    const errors = await layerErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(named);
  });

  it.each([
    ['main/electron/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['main/electron/preload/x.ts', "import { CHANNEL_NAMES } from '../../../app/ipc/channel-names';"],
    ['main/electron/x.ts', "import { app } from 'electron';"],
    ['main/outbox/x.ts', "import { SmileIdClient } from '../smileid/client';"],
    ['main/kiosk-core.ts', "import { Outbox } from './outbox/outbox';"],
    ['main/smileid/x.ts', "import { silentLogger } from '../log';"],
    ['main/hosting/x.ts', "import type { HandlerTable } from '../handlers';"],
    ['renderer/x.ts', "import { channels } from '../app/ipc/channels';"],
    ['main/audit/x.ts', "import { seal } from '../secure/aes-gcm';"],
    ['main/kiosk-core.ts', "import { startAuditTrail } from './audit/audit-trail';"],
    ['main/diagnostics/x.ts', "import { LogScrubber } from '../log-scrub';"],
    ['main/kiosk-core.ts', "import { diagnosticsExporter } from './diagnostics/export-diagnostics';"],
  ])('allows in %s: %s', async (file, source) => {
    expect(await layerErrors(file, source)).toEqual([]);
  });
});
