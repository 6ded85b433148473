// The layout rules every kiosk screen keeps at every screen size kiosks have (issue 10), checked in the page on
// what Chromium actually laid out, and a screenshot of each screen at each size for people to look at:
// - nothing scrolls sideways;
// - every visible button, field and list is a touch target of at least 56 px (a checkbox: its whole label);
// - no button cuts its words off (the longest Swahili and Portuguese words included);
// - the screen's main action is in view, not covered (by the queue line), without scrolling;
// - in portrait the camera preview takes most of the screen's width.
// The screenshots go to test/e2e/screenshots/gallery/<language>/<size>/ (ignored by git: hundreds of PNGs).
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './browser';

/** Full HD and the common 1366×768 landscape panels, and the 1080×1920 portrait kiosk. */
export const SCREEN_SIZES = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1080x1920', width: 1080, height: 1920 },
] as const;

export const GALLERY_DIR = path.join(SCREENSHOT_DIR, 'gallery');

export interface ScreenExpectations {
  /** data-testid of the action that must be in view and uncovered, with the page scrolled to the top. */
  readonly mainAction: string;
  /** The live camera preview is on this screen: in portrait it must fill most of the width. */
  readonly preview?: boolean;
  /** The operator panel and settings may scroll down: a second screenshot shows the whole page. */
  readonly scrolls?: boolean;
}

/** The rules' numbers, handed into the page. */
const RULES = {
  minTargetPx: 56,
  /** In portrait the camera preview is at least this share of the screen's width. */
  portraitPreviewShare: 0.8,
} as const;

/**
 * Runs in the page: what breaks the rules on the screen as it is laid out now, one line per problem (empty when
 * none). Self-contained, because Playwright sends its source into the page.
 */
function layoutProblems(args: {
  readonly expectations: ScreenExpectations;
  readonly rules: typeof RULES;
}): string[] {
  const { expectations, rules } = args;
  const problems: string[] = [];
  const name = (element: Element) => {
    const testId = element.getAttribute('data-testid');
    if (testId) return testId;
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${element.tagName.toLowerCase()} "${text || element.getAttribute('aria-label') || '?'}"`;
  };
  const shown = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true });
  };

  window.scrollTo(0, 0);
  const page = document.scrollingElement ?? document.documentElement;
  if (page.scrollWidth > window.innerWidth) {
    problems.push(`scrolls sideways: ${page.scrollWidth} px wide in ${window.innerWidth}`);
  }

  const targets = document.querySelectorAll<HTMLElement>(
    'button, input:not([type=hidden]), select, textarea, a[href], [role=button]',
  );
  for (const target of targets) {
    if (!shown(target)) continue;
    // A checkbox is touched through its label, which is the target (settings toggles).
    const touched =
      target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')
        ? (target.closest('label') ?? target)
        : target;
    const box = touched.getBoundingClientRect();
    if (box.height < rules.minTargetPx || box.width < rules.minTargetPx) {
      problems.push(`small target ${name(target)}: ${Math.round(box.width)}×${Math.round(box.height)} px`);
    }
    if (target instanceof HTMLButtonElement && target.scrollWidth > target.clientWidth + 1) {
      problems.push(`button cuts its words: ${name(target)}`);
    }
  }

  const action = document.querySelector(`[data-testid="${expectations.mainAction}"]`);
  if (!action || !shown(action)) {
    problems.push(`main action ${expectations.mainAction} is not shown`);
  } else {
    const box = action.getBoundingClientRect();
    const inView =
      box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
    const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!inView) {
      problems.push(
        `main action ${expectations.mainAction} needs scrolling: ${Math.round(box.top)}–${Math.round(box.bottom)} px in ${window.innerHeight}`,
      );
    } else if (!onTop || !action.contains(onTop)) {
      problems.push(
        `main action ${expectations.mainAction} is covered by ${onTop ? name(onTop) : 'nothing'}`,
      );
    }
  }

  if (expectations.preview && window.innerHeight > window.innerWidth) {
    const preview = document.querySelector('main video');
    const width = preview?.getBoundingClientRect().width ?? 0;
    if (width < rules.portraitPreviewShare * window.innerWidth) {
      problems.push(`portrait preview only ${Math.round(width)} px wide of ${window.innerWidth}`);
    }
  }
  return problems;
}

/** Waits until the page has laid out and painted at its new size. */
function nextPaint(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** One language's screenshots, and every layout problem met on the way (checked once the walk is done). */
export class ScreenGallery {
  readonly problems: string[] = [];

  private constructor(private readonly folder: string) {}

  /** Starts a language's gallery afresh (its old screenshots are removed). */
  static async start(language: string): Promise<ScreenGallery> {
    const folder = path.join(GALLERY_DIR, language);
    await rm(folder, { recursive: true, force: true });
    await Promise.all(SCREEN_SIZES.map((size) => mkdir(path.join(folder, size.name), { recursive: true })));
    return new ScreenGallery(folder);
  }

  /** The screen on `page` at every size: checked against the rules, and photographed. */
  async take(page: Page, screen: string, expectations: ScreenExpectations): Promise<void> {
    // The pointer rests on the banner: the screen as it looks at rest, not under the last click's hover.
    await page.mouse.move(0, 0);
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await nextPaint(page);
      const found = await page.evaluate(layoutProblems, { expectations, rules: RULES });
      this.problems.push(...found.map((problem) => `${screen} at ${size.name}: ${problem}`));
      await page.screenshot({ path: path.join(this.folder, size.name, `${screen}.png`), caret: 'hide' });
      // A long screen also whole (the queue line then shows where the window's bottom edge was).
      if (expectations.scrolls) {
        await page.screenshot({
          path: path.join(this.folder, size.name, `${screen}-whole.png`),
          fullPage: true,
          caret: 'hide',
        });
      }
    }
  }
}
