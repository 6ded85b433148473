// npm run audit:verify -- FILE
// Checks an audit export of the kiosk (JSON Lines or CSV): every entry's hash, the sequence, and each entry's
// link to the one before. Prints OK with the count and the first and last hash (exit 0), or the first broken
// line and why (exit 1). Exit 2: no file, or it cannot be read. The format is in docs/audit-trail.md.
import { readFile } from 'node:fs/promises';
import { describeVerdict, verifyExport } from '../main/audit/verify-export';

async function main(argv: readonly string[]): Promise<number> {
  const [file, ...rest] = argv;
  if (file === undefined || rest.length > 0 || file === '--help' || file === '-h') {
    process.stderr.write('usage: npm run audit:verify -- FILE   (an audit export, .jsonl or .csv)\n');
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(
      `audit:verify: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`,
    );
    return 2;
  }
  const result = verifyExport(text);
  const out = result.verdict.ok ? process.stdout : process.stderr;
  out.write(`${file}\n${describeVerdict(result)}\n`);
  return result.verdict.ok ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
