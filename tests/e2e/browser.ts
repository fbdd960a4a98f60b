// The pieces of the browser tests: Chromium, one context per person with every console
// error, CSP violation and failed API request of its pages collected, signing in through the
// page, screenshots written under test-results/ (git-ignored) for a person to look at, and the
// deployment's dates. A test file uses them through browserTestOfFile (fixture.ts), which
// starts and closes the app, the browser and the people, and checks what they collected.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { App } from '../../server/app';
import { User } from '../../server/contracts/users';
import { addDays } from '../../server/domain/time';
import { localToday } from '../helpers/accounts';
import { TEST_TIME_ZONE, type TestApp } from '../helpers/app';

export const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
/** The built web app the test server serves (the e2e project builds it first). */
export const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Today where the server is deployed, as `YYYY-MM-DD`. */
export const deploymentToday = localToday();

/** A day `days` from today where the server is deployed, as `YYYY-MM-DD`. */
export function dayFrom(days: number): string {
  return addDays(deploymentToday, days);
}

/** `2026-11-14` as the app writes it: `14/11/2026`. */
export function dayText(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day}/${month}/${year}`;
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Whatever went wrong in the pages of a context, for a final "nothing unexpected happened":
 * console errors, CSP violations, and every API answer of 400 or more as `401 GET /api/auth/me`.
 */
export type Problems = { consoleErrors: string[]; cspViolations: string[]; failedRequests: string[] };

export type Person = { context: BrowserContext; page: Page; problems: Problems };

/** How a person's browser is set up: `timezoneId` is its zone, which the app must ignore. */
export type PersonOptions = {
  timezoneId?: string;
  viewport?: { width: number; height: number };
  isMobile?: boolean;
};

/** A phone's screen, touch included: `site.person(PHONE)`, or `{ ...PHONE, timezoneId }`. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true } as const;

/**
 * A fresh context (its own cookies: its own session) and page. `timezoneId` is the
 * browser's zone, which the app must ignore in favour of the deployment's.
 */
export async function newPerson(browser: Browser, options: PersonOptions = {}): Promise<Person> {
  const context = await browser.newContext({
    timezoneId: options.timezoneId ?? 'America/New_York',
    locale: 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
  });
  const problems: Problems = { consoleErrors: [], cspViolations: [], failedRequests: [] };
  // Violations are also logged to the console, but the event names the directive that was broken.
  await context.exposeFunction('reportCspViolation', (text: string) => problems.cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(
        `${event.effectiveDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  const page = await context.newPage();
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const url = new URL(response.url());
    problems.failedRequests.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The browser logs every answer of 400 or more as a console error; those are checked,
    // more precisely, through `failedRequests`.
    if (message.text().startsWith('Failed to load resource: the server responded with a status of')) return;
    problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(error.message));
  return { context, page, problems };
}

/** The address the app listens on, after `server.listen({ port: 0 })`. */
export function baseUrlOf(server: App): string {
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

/** Signs in through the page, as a person would, and waits for the calendar. */
export async function signInThroughPage(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Đăng nhập' });
  await form.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(username);
  await form.getByLabel('Mật khẩu').fill(password);
  await form.getByRole('button', { name: 'Đăng nhập' }).click();
  // On a phone the sign-out button is folded behind the menu: in the page is signed in enough.
  await page.getByRole('button', { name: 'Đăng xuất', includeHidden: true }).waitFor({ state: 'attached' });
}

/** The whole page by default; `fullPage: false` for a dialog, whose backdrop covers only the viewport. */
export function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<Buffer> {
  return page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: options.fullPage ?? true });
}

/** Today's year and month where the server is deployed, which is the month the calendar opens on. */
export function deploymentMonth(): { year: number; month: number; prefix: string } {
  const prefix = new Intl.DateTimeFormat('en-CA', {
    timeZone: TEST_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .slice(0, 7);
  const [year = 0, month = 0] = prefix.split('-').map(Number);
  return { year, month, prefix };
}

/** A user made through the API, for a test to sign in with or to act on. */
export async function createUserThroughApi(
  site: Pick<TestApp, 'app'>,
  payload: Record<string, unknown>,
): Promise<User> {
  const response = await site.app.inject({ method: 'POST', url: '/api/users', payload });
  expect(response.statusCode, response.body).toBe(201);
  return User.parse(response.json());
}

/** How far the page is wider than the screen: 0 or less when it never scrolls sideways. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Follows a link of the main navigation as a person would: on a phone the navigation folds
 * behind the menu button, which is opened first.
 */
export async function followMainNav(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Trình đơn' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name }).click();
}
