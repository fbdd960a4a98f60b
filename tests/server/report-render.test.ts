// The half-year Word report as an official prints it: the demo province's report for the
// official half-year (15/12 of the year before to 14/6), laid out by LibreOffice and read
// back from the PDF. What the reader checks is what the printed page shows: how many
// pages, the national heading on page 1 (NĐ 30/2020/NĐ-CP), the page number at the top of
// each later page, table cells that do not break a word, Vietnamese as the language, and
// the figures of the prose equal to the summary API's.

import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ReportPeriodList, Summary } from '../../server/contracts/reports';
import { seedWithDemo } from '../../server/demo';
import { TEST_TIME_ZONE, testAppOfFile } from '../helpers/app';
import { getJson } from '../helpers/factories';
import { pageImage, type Rendered, renderDocx } from '../helpers/render';

/**
 * The demo is laid around a fixed day, so that the document (and its page count) does not
 * change with the day the test runs: a few days after 14/6, when the half-year report is
 * written, with the whole half-year behind it and its results in.
 */
const DEMO_TODAY = '2026-06-20';
const YEAR = 2026;
/** Not the product's formatter: the notation as the issue spells it, 1234567 → `1.234.567`. */
const vietnamese = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** Where the page images go: git-ignored, beside the e2e screenshots. */
const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

const t = testAppOfFile();
let period: { startDate: string; endDate: string };
let totals: Summary['totals'];
let documentXml: string;
let stylesXml: string;
let rendered: Rendered;

/** The text of an XML fragment's runs (`<w:t>`), entities decoded. */
function runText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1] ?? '')
    .join('')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** Each table cell's text, its paragraphs set apart by a space (they are separate lines). */
function cellTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) =>
    paragraphTexts(cell[1] ?? '').join(' '),
  );
}

/** The text of each paragraph of an XML fragment, in order. */
function paragraphTexts(xml: string): string[] {
  return xml.split(/<\/w:p>/).map(runText);
}

/** The prose: every paragraph outside a table. */
function proseText(xml: string): string {
  return paragraphTexts(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')).join('\n');
}

/** Words of letters (Vietnamese tone marks included), lower-cased, NFC. */
function words(text: string): string[] {
  return [...text.normalize('NFC').matchAll(/[\p{L}\p{M}]+/gu)].map((match) =>
    match[0].toLocaleLowerCase('vi'),
  );
}

/** How many times each word occurs. */
function wordCounts(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of list) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** The figure as a whole number of the text: `1.234` but not inside `11.234` or `1.234.567`. */
function holdsFigure(text: string, value: number): boolean {
  const digits = vietnamese(value).replaceAll('.', '\\.');
  return new RegExp(`(?<![\\d.,])${digits}(?!\\.?\\d|,\\d)`).test(text);
}

const firstLine = (page: string) =>
  page
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '') ?? '';

describe('the half-year Word report, rendered', () => {
  beforeAll(async () => {
    seedWithDemo(t.db, { timeZone: TEST_TIME_ZONE, demo: true, today: DEMO_TODAY });
    const periods = await getJson<z.infer<typeof ReportPeriodList>>(
      t.app,
      `/api/reports/periods?year=${YEAR}`,
    );
    const half = periods.items.find((item) => item.kind === 'official-half-year');
    if (!half) throw new Error(`no official half-year among the periods of ${YEAR}`);
    period = { startDate: half.startDate, endDate: half.endDate };
    const range = `startDate=${period.startDate}&endDate=${period.endDate}`;

    totals = (await getJson<Summary>(t.app, `/api/reports/summary?${range}`)).totals;
    const response = await t.app.inject({ method: 'GET', url: `/api/reports/export?format=docx&${range}` });
    if (response.statusCode !== 200) {
      throw new Error(`the export answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
    }
    const zip = await JSZip.loadAsync(response.rawPayload);
    documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    rendered = await renderDocx(response.rawPayload, 'bao-cao-so-ket-6-thang');
  }, 180_000);

  it('is the official half-year of the demo year, with activities to report', () => {
    expect(period).toEqual({ startDate: `${YEAR - 1}-12-15`, endDate: `${YEAR}-06-14` });
    expect(totals.activities).toBeGreaterThan(50);
    expect(documentXml).toContain('<w:body>');
  });

  it('draws page 1 and the last page for a person to look at', async () => {
    const first = await pageImage(rendered, 1, `${resultsDir}report-page-1.png`);
    const last = await pageImage(rendered, rendered.pages, `${resultsDir}report-appendix.png`);
    for (const file of [first, last]) {
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(1000);
    }
  });

  it('takes at most 12 pages, the body at most 8 before an appendix', () => {
    // The appendix starts on the first page whose own line begins with its heading.
    const appendix = rendered.pageTexts.findIndex((page) => /^\s*PHỤ LỤC/mu.test(page));
    const split =
      appendix < 0
        ? `no PHỤ LỤC heading: ${rendered.pages} pages in all`
        : `body ${appendix} pages, appendix ${rendered.pages - appendix} from page ${appendix + 1}`;
    console.info(`the half-year report: ${split}`);
    expect.soft(rendered.pages, split).toBeLessThanOrEqual(12);
    if (appendix >= 0) expect.soft(appendix, split).toBeLessThanOrEqual(8);
  });

  it('opens with the national heading, the number, the date and the title (NĐ 30/2020)', () => {
    const page = rendered.pageTexts[0] ?? '';
    const lines = page.split('\n');
    const top = lines.slice(0, 15).join('\n');
    // One line of the page: a motto broken over two lines is the first thing an official sees.
    expect
      .soft(
        lines.some((line) => line.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')),
        top,
      )
      .toBe(true);
    expect.soft(page, top).toContain('Độc lập - Tự do - Hạnh phúc');
    expect
      .soft(
        lines.some((line) => /Số:.*\/BC-/.test(line)),
        top,
      )
      .toBe(true);
    // Day and month in two digits: `ngày 05 tháng 03`, as the decree writes them.
    const dateLine = lines.find((line) => /ngày \d+ tháng \d+ năm \d{4}/.test(line))?.trim();
    expect.soft(dateLine, top).toMatch(/ngày \d{2} tháng \d{2} năm \d{4}/);
    expect.soft(page, top).toContain('BÁO CÁO');
  });

  it('numbers each page from page 2, alone on the top line', () => {
    const wrong = rendered.pageTexts
      .map((page, index) => ({ page: index + 1, top: firstLine(page) }))
      .filter(({ page, top }) => page >= 2 && top !== String(page));
    // The first few are enough to see the fault; the count says how far it goes.
    expect({ wrong: wrong.length, first: wrong.slice(0, 3) }).toEqual({ wrong: 0, first: [] });
  });

  it('breaks no word of a table cell across lines', () => {
    // Each word of four letters or more of the cells must come out of the PDF whole, as
    // many times as the document writes it: a narrow column that wraps `truyền` as
    // `truy|ền` leaves two pieces, and the count of whole `truyền` falls short even if the
    // prose prints the word whole elsewhere. (Repeated header rows only add to the printed count.)
    const printed = wordCounts(rendered.rawPageTexts.flatMap(words));
    const written = wordCounts(paragraphTexts(documentXml).flatMap(words));
    const inCells = [...new Set(cellTexts(documentXml).flatMap(words))].filter((word) => word.length >= 4);
    expect(inCells.length).toBeGreaterThan(20);
    const broken = inCells
      .filter((word) => (printed.get(word) ?? 0) < (written.get(word) ?? 0))
      .map((word) => `${word} ${printed.get(word) ?? 0}/${written.get(word)}`);
    // `word printed/written`: the first few show the fault, the count how far it goes.
    expect({ broken: broken.length, of: inCells.length, first: broken.slice(0, 12) }).toEqual({
      broken: 0,
      of: inCells.length,
      first: [],
    });
  });

  it('prints no programming placeholder (undefined, NaN, null)', () => {
    // A missing field shows up on paper as `/BC-undefined`: each page's lines with one, by page.
    const leftovers = rendered.pageTexts.flatMap((page, index) =>
      page
        .split('\n')
        .filter((line) => /\b(undefined|NaN|null)\b|\[object Object\]/.test(line))
        .map((line) => `p.${index + 1}: ${line.trim()}`),
    );
    expect(leftovers).toEqual([]);
  });

  it('declares Vietnamese as its language', () => {
    // In the styles (the document's default) or on the runs: either makes Word check the spelling as Vietnamese.
    const langs = [...new Set(`${stylesXml}\n${documentXml}`.match(/<w:lang\b[^>]*>/g) ?? [])];
    expect(
      langs.some((tag) => tag.includes('"vi-VN"')),
      `w:lang tags: ${langs.join(' ') || 'none'}`,
    ).toBe(true);
  });

  it("prints the summary's totals in the prose, in Vietnamese notation", () => {
    const printed = rendered.rawPageTexts.join('\n');
    const prose = proseText(documentXml);
    // The prose counts what was held (activities with a result), never those only planned.
    const figures = {
      done: totals.done,
      sessions: totals.values.sessions,
      attendances: totals.values.attendances,
    };
    for (const [name, value] of Object.entries(figures)) {
      expect.soft(value, `the summary has no ${name}`).toBeTypeOf('number');
      if (value === undefined) continue;
      // In the printed text, and in a paragraph of its own: a figure found only in a table is not the prose's.
      expect.soft(holdsFigure(printed, value), `${name} ${vietnamese(value)} printed`).toBe(true);
      expect.soft(holdsFigure(prose, value), `${name} ${vietnamese(value)} in the prose`).toBe(true);
    }
  });
});
