// `npm run simulator -- --port P --partner-id ID --api-key KEY [fault flags]`: runs the simulator until
// SIGINT/SIGTERM. The "listening on" line is printed exactly so scripts and tests can wait for it.
import { parseCliArgs, USAGE } from './cli-args';
import { startSimulator } from './server';

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (parsed.kind === 'error') {
    console.error(`${parsed.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const simulator = await startSimulator(parsed.options);
  console.log(`Smile ID simulator listening on ${simulator.url}`);
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Start-up failures such as EADDRINUSE.
  console.error(
    `Smile ID simulator failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
