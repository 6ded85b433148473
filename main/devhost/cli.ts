// DEV ONLY: `npm run start:web` (after the renderer build). Starts the kiosk core and the dev host, prints the
// address to open (it carries this run's access token) and stops cleanly on Ctrl+C or SIGTERM.
//   PORT                default 5180; 0 = any free port
//   KIOSK_DATA_DIR      default <repo>/.kiosk-data
//   KIOSK_RENDERER_DIR  default <repo>/dist/renderer (what npm run build:renderer writes)
//   SMILEID_BASE_URL, SMILEID_PARTNER_ID, SMILEID_API_KEY, KIOSK_OPERATOR_PIN, KIOSK_ID, BRANCH,
//   KIOSK_PROVISION     first-start provisioning, exactly as for the Electron app
import { ProvisioningError, SettingsFileError } from '../settings/errors';
import { describeEnvironment, DevHostStartError, publicSettingsOf, startDevHostFromEnv } from './start';

async function main(): Promise<void> {
  let host;
  try {
    host = await startDevHostFromEnv(process.env);
  } catch (error) {
    if (error instanceof DevHostStartError || error instanceof ProvisioningError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof SettingsFileError) {
      process.stderr.write(`${error.message}\n${error.action}\n`);
      process.exit(1);
    }
    throw error;
  }
  const running = host;
  process.stdout.write(`Selfie kiosk (dev host) on ${running.openUrl}\n`);
  process.stdout.write(`${describeEnvironment(await publicSettingsOf(running.core))}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `Stopping after ${signal} failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
