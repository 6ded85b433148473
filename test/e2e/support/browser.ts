// Debian's Chromium driven by playwright-core, with a fake camera fed from a .y4m file. Every request the
// page makes is recorded so tests can prove the kiosk talks to nobody but its own host.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../screenshots');

export interface KioskBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly requests: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openKioskBrowser(url: string, fakeVideo: string | null): Promise<KioskBrowser> {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--use-fake-ui-for-media-stream',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (fakeVideo) {
    args.push('--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeVideo}`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    context,
    page,
    requests,
    async screenshot(name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
    },
  };
}
