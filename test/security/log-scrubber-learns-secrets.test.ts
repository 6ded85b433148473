// Finding 8 (second part): the log scrubber knew only the API key present at start-up. A key entered later in
// Settings (or provisioned) could reach a log line in clear — for instance inside an error message a library
// builds. The core now scrubs every line it logs and learns each key the moment the vault stores it.
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleLogger } from '../../main/log';
import { startCore, type CoreHarness } from '../support/core-harness';

const LATER_KEY = 'sk_live_entered_after_start_7f3a9c';
let kiosk: CoreHarness | null = null;
afterEach(() => kiosk?.close());

describe('security finding 8: the scrubber learns every secret when it is set', () => {
  it('scrubs an API key set after start-up from every later log line', async () => {
    const lines: string[] = [];
    kiosk = await startCore({}, { log: createConsoleLogger((line) => lines.push(line)) });
    await kiosk.call('setApiKey', { apiKey: LATER_KEY });

    kiosk.core.log.error('upstream_failed', { detail: `request with key ${LATER_KEY} refused` });
    const joined = lines.join('\n');
    expect(joined).toContain('upstream_failed');
    expect(joined).toContain('[secret]');
    expect(joined).not.toContain(LATER_KEY);
  });

  it('scrubs a key provisioned from the environment on first start', async () => {
    const lines: string[] = [];
    kiosk = await startCore(
      {
        SMILEID_BASE_URL: 'https://testapi.smileidentity.com/v1',
        SMILEID_PARTNER_ID: '085',
        SMILEID_API_KEY: LATER_KEY,
      },
      { log: createConsoleLogger((line) => lines.push(line)) },
    );
    kiosk.core.log.warn('echo', { text: LATER_KEY });
    expect(lines.join('\n')).not.toContain(LATER_KEY);
  });
});
