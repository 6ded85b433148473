// Chromium's processes as /proc shows them: which processes under this one belong to Chromium, what kind
// each is (browser, renderer, GPU, utility services), and their resident memory.
import { readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import { round } from './bench-helpers';

export interface ChromiumMemory {
  processes: number;
  rssMB: number;
  pssMB: number;
  byName: Record<string, { count: number; rssMB: number }>;
}

export const CAMERA_SERVICE_EXIT_MAX_MS = 60_000;

export async function waitForCameraServiceExit(): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < CAMERA_SERVICE_EXIT_MAX_MS) {
    const kinds = await Promise.all((await chromiumProcesses()).map(processKind));
    if (!kinds.some((kind) => kind.includes('VideoCaptureService'))) {
      return Math.round(performance.now() - started);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

export interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
}

export async function processTable(): Promise<ProcInfo[]> {
  const rows: ProcInfo[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = await readFile(`/proc/${entry}/stat`, 'utf8');
      const close = text.lastIndexOf(')');
      const comm = text.slice(text.indexOf('(') + 1, close);
      const ppid = Number(text.slice(close + 2).split(' ')[1]);
      rows.push({ pid: Number(entry), ppid, comm });
    } catch {
      // Gone since readdir.
    }
  }
  return rows;
}

/** Every Chromium process under this one: descendants from the first process of the chromium binary down. */
export async function chromiumProcesses(): Promise<ProcInfo[]> {
  const table = await processTable();
  const children = new Map<number, ProcInfo[]>();
  for (const row of table) children.set(row.ppid, [...(children.get(row.ppid) ?? []), row]);
  const found: ProcInfo[] = [];
  const walk = async (pid: number, inChromium: boolean): Promise<void> => {
    for (const child of children.get(pid) ?? []) {
      const isChromium = inChromium || (await isChromiumBinary(child));
      if (isChromium) found.push(child);
      await walk(child.pid, isChromium);
    }
  };
  await walk(process.pid, false);
  return found;
}

async function isChromiumBinary(row: ProcInfo): Promise<boolean> {
  if (/chrom/i.test(row.comm)) return true;
  try {
    return /chrom/i.test(path.basename(await readlink(`/proc/${row.pid}/exe`)));
  } catch {
    return false;
  }
}

export async function kbField(file: string, field: string): Promise<number> {
  try {
    const text = await readFile(file, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export async function chromiumMemory(): Promise<ChromiumMemory> {
  const processes = await chromiumProcesses();
  let rssKb = 0;
  let pssKb = 0;
  const byName: Record<string, { count: number; rssKb: number }> = {};
  for (const row of processes) {
    const rss = await kbField(`/proc/${row.pid}/status`, 'VmRSS');
    rssKb += rss;
    pssKb += await kbField(`/proc/${row.pid}/smaps_rollup`, 'Pss');
    const kind = await processKind(row);
    const entry = (byName[kind] ??= { count: 0, rssKb: 0 });
    entry.count += 1;
    entry.rssKb += rss;
  }
  return {
    processes: processes.length,
    rssMB: round(rssKb / 1024, 1),
    pssMB: round(pssKb / 1024, 1),
    byName: Object.fromEntries(
      Object.entries(byName).map(([name, entry]) => [
        name,
        { count: entry.count, rssMB: round(entry.rssKb / 1024, 1) },
      ]),
    ),
  };
}

/** browser, or the --type= of a Chromium child (renderer, gpu-process, utility, zygote, …). */
export async function processKind(row: ProcInfo): Promise<string> {
  try {
    // Chromium rewrites its command line (setproctitle): the arguments may be joined by spaces.
    const args = (await readFile(`/proc/${row.pid}/cmdline`, 'utf8')).split(/[\0 ]/);
    const type = args.find((arg) => arg.startsWith('--type='))?.slice('--type='.length);
    const subtype = args
      .find((arg) => arg.startsWith('--utility-sub-type='))
      ?.split('.')
      .at(-1);
    if (type === 'renderer') {
      // Keyed by pid, so the samples show WHICH renderer changed (the same processes live all run long).
      return args.includes('--top-chrome-webui')
        ? `renderer (browser UI, pid ${row.pid})`
        : `renderer pid ${row.pid}`;
    }
    return type ? (subtype ? `${type}:${subtype}` : type) : row.comm === 'chromium' ? 'browser' : row.comm;
  } catch {
    return row.comm;
  }
}

export interface RendererMemory {
  readonly pid: number;
  readonly rssMB: number;
  /** Of rssMB, the process's own anonymous memory (RssAnon): heaps, not shared buffers or mapped files. */
  readonly anonMB: number;
}

/** One browser's memory, told apart from another browser's running beside it. */
export interface BrowserMemory {
  /** The kiosk page's renderer: the biggest renderer that is not the browser UI's (null: none found). */
  readonly pageRenderer: RendererMemory | null;
  /** The browser UI's renderer and the spare renderer Chromium keeps warm for the next tab. */
  readonly otherRenderersRssMB: number;
  /** The browser process and every process under it (zygotes, renderers, GPU, utility services). */
  readonly totalRssMB: number;
  readonly processes: number;
}

/**
 * Reads one browser's memory. `browserCdp` is that browser's own CDP session (Browser.newBrowserCDPSession):
 * its SystemInfo.getProcessInfo names the browser and renderer processes by pid, so two browsers side by
 * side are told apart; the renderers' sizes and the whole tree's come from /proc.
 */
export async function browserMemory(browserCdp: CDPSession): Promise<BrowserMemory> {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const renderers: RendererMemory[] = [];
  let otherKb = 0;
  for (const info of processInfo.filter((entry) => entry.type === 'renderer')) {
    const rssKb = await kbField(`/proc/${info.id}/status`, 'VmRSS');
    if (await isBrowserUiRenderer(info.id)) otherKb += rssKb;
    else {
      const anonKb = await kbField(`/proc/${info.id}/status`, 'RssAnon');
      renderers.push({ pid: info.id, rssMB: round(rssKb / 1024, 1), anonMB: round(anonKb / 1024, 1) });
    }
  }
  renderers.sort((a, b) => b.rssMB - a.rssMB);
  const [pageRenderer, ...spares] = renderers;
  const otherRenderersRssMB = round(otherKb / 1024 + spares.reduce((sum, r) => sum + r.rssMB, 0), 1);
  const browserPid = processInfo.find((entry) => entry.type === 'browser')?.id;
  const tree = browserPid === undefined ? [] : await processTree(browserPid);
  let totalKb = 0;
  for (const pid of tree) totalKb += await kbField(`/proc/${pid}/status`, 'VmRSS');
  return {
    pageRenderer: pageRenderer ?? null,
    otherRenderersRssMB,
    totalRssMB: round(totalKb / 1024, 1),
    processes: tree.length,
  };
}

async function isBrowserUiRenderer(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('--top-chrome-webui');
  } catch {
    return false;
  }
}

/** `rootPid` and every process under it. */
async function processTree(rootPid: number): Promise<number[]> {
  const table = await processTable();
  const found = [rootPid];
  for (let index = 0; index < found.length; index++) {
    for (const row of table) if (row.ppid === found[index]) found.push(row.pid);
  }
  return found;
}
