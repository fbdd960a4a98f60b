// The world of one browser test file, set up and torn down by the file's first call:
//
//   const site = browserTestOfFile();
//
// registers a `beforeAll` that builds the test app on a fresh database (as testAppOfFile does
// for the API tests), serves the built web from it on a free local port and launches Chromium,
// and an `afterAll` that closes them. In between, `site.person()` and `site.signedIn()` open
// people (each a browser context: its own cookies, its own session), and
// `site.expectNoProblems()` checks what went wrong in their pages. A person the file never
// checks is checked at the end all the same, with nothing allowed but signing in: no page of a
// browser test goes unchecked because a file forgot to ask.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Db } from '../../db/client';
import { createTestApp, type Injector, type TestApp } from '../helpers/app';
import {
  baseUrlOf,
  launchBrowser,
  newPerson,
  type Person,
  type PersonOptions,
  signInThroughPage,
  webRoot,
} from './browser';

/** Whom `site.signedIn` signs in as: `ADMIN`, or a user a test made. */
export type Account = { username: string; password: string };

/** Where a new person's page starts: a path of the app, such as `/` or `/admin/agencies`. */
export type OpenOptions = PersonOptions & { at?: string };

/**
 * What a file's tests provoked on purpose, and may therefore be in a person's problems.
 * CSP violations are never allowed.
 */
export type ProblemCheck = {
  /**
   * API answers of 400 or more that the tests provoked, as `400 POST /api/users` (after
   * `normalise`): each may occur any number of times. `401 GET /api/auth/me` is always allowed,
   * since every fresh page asks who is signed in before anyone is.
   */
  allow?: readonly string[];
  /** Rewrites each failed request before it is compared, e.g. ids to `:id` with `idsAsParams`. */
  normalise?: (request: string) => string;
  /** Console errors the tests provoked, such as the browser's own line for a request sent offline. */
  allowConsoleErrors?: readonly RegExp[];
};

/** The answer every fresh page of the app gets before anyone signs in. */
const SIGNED_OUT = '401 GET /api/auth/me';

/** `401 GET /api/activities/12/result` → `401 GET /api/activities/:id/result`. */
export function idsAsParams(request: string): string {
  return request.replace(/\/\d+(?=\/|$)/g, '/:id');
}

export type BrowserTest = {
  /** The API as the first administrator, for setting data up and checking what was stored. */
  readonly app: Injector;
  readonly db: Db;
  /** The API as another user. */
  signIn: TestApp['signIn'];
  /** Where the app listens, as `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  /** Everyone opened so far, in order. */
  readonly people: readonly Person[];
  /** A new person, on `at` if given; the browser closes their context at the file's end. */
  person: (options?: OpenOptions) => Promise<Person>;
  /** A new person, signed in through the page (on `at`, `/` by default), as someone would. */
  signedIn: (account: Account, options?: OpenOptions) => Promise<Person>;
  /**
   * A test's check of people's pages: no CSP violation, no console error and no failed API
   * request but those `check` allows. Checked people are not checked again at the end.
   */
  expectNoProblems: (people: Person | readonly Person[], check?: ProblemCheck) => void;
};

export type BrowserTestOptions = {
  /** How the test app is built (its clock, whether it is seeded); it always serves the built web. */
  appOptions?: Omit<NonNullable<Parameters<typeof createTestApp>[0]>, 'webRoot'>;
};

/** What `beforeAll` started; absent until then, and if it failed. */
type Started = { testApp: TestApp; browser: Browser; baseUrl: string };

/**
 * The browser test of a whole file: call it once, at the top of the file's `describe`, before
 * any hook of the file's own, so that its `beforeAll` runs first (the app is up when the file's
 * own setup adds its data and signs people in) and its `afterAll` last.
 */
export function browserTestOfFile(options: BrowserTestOptions = {}): BrowserTest {
  let testApp: TestApp | undefined;
  let browser: Browser | undefined;
  let started: Started | undefined;
  const people: Person[] = [];
  const checked = new Set<Person>();

  const nameOf = (person: Person) => `person ${people.indexOf(person) + 1} of the file`;

  const running = (): Started => {
    if (!started) throw new Error('the browser test has not started: use `site` in a hook or a test');
    return started;
  };

  beforeAll(async () => {
    testApp = await createTestApp({ ...options.appOptions, webRoot });
    await testApp.server.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    started = { testApp, browser, baseUrl: baseUrlOf(testApp.server) };
  });

  afterAll(async () => {
    try {
      const unchecked = people.filter((person) => !checked.has(person));
      expectNoProblemsOf(
        unchecked,
        {},
        (person) => `${nameOf(person)}, checked at the end (a test may allow what it provoked)`,
      );
    } finally {
      // Closing the browser closes every person's context with it.
      await browser?.close();
      await testApp?.close();
    }
  });

  const person = async ({ at, ...personOptions }: OpenOptions = {}): Promise<Person> => {
    const world = running();
    const opened = await newPerson(world.browser, personOptions);
    people.push(opened);
    if (at !== undefined) await opened.page.goto(`${world.baseUrl}${at}`);
    return opened;
  };

  return {
    get app() {
      return running().testApp.app;
    },
    get db() {
      return running().testApp.db;
    },
    signIn: (username, password) => running().testApp.signIn(username, password),
    get baseUrl() {
      return running().baseUrl;
    },
    get people() {
      return [...people];
    },
    person,
    signedIn: async (account, { at = '/', ...personOptions } = {}) => {
      const opened = await person({ ...personOptions, at });
      await signInThroughPage(opened.page, account.username, account.password);
      return opened;
    },
    expectNoProblems: (who, check = {}) => {
      const list = 'page' in who ? [who] : who;
      // Marked first: a failed check is reported once, here, not again at the end.
      for (const one of list) checked.add(one);
      expectNoProblemsOf(list, check, nameOf);
    },
  };
}

/** `label` names whose pages they are in a failure's message: `person 2 of the file`. */
function expectNoProblemsOf(
  people: readonly Person[],
  check: ProblemCheck,
  label: (person: Person) => string,
): void {
  const normalise = check.normalise ?? ((request: string) => request);
  const allowed = new Set([SIGNED_OUT, ...(check.allow ?? [])]);
  const allowedConsole = check.allowConsoleErrors ?? [];
  for (const person of people) {
    const { problems } = person;
    expect(problems.cspViolations, `CSP violations of ${label(person)}`).toEqual([]);
    const consoleErrors = problems.consoleErrors.filter(
      (text) => !allowedConsole.some((pattern) => pattern.test(text)),
    );
    expect(consoleErrors, `console errors of ${label(person)}`).toEqual([]);
    const failed = problems.failedRequests.map(normalise).filter((request) => !allowed.has(request));
    expect(failed, `failed requests of ${label(person)} not allowed`).toEqual([]);
  }
}
