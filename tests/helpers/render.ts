// A Word file as an official sees it once printed: LibreOffice lays the .docx out and turns
// it into a PDF, and poppler reads that PDF back (page count, text of each page, a page
// image). The docx's XML says what was meant; only a layout engine says how many pages it
// takes, where the lines break and what sits at the top of each page.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A rendered document: its PDF, and the text of each page as poppler reads it. */
export type Rendered = {
  pdfPath: string;
  pages: number;
  /** `pdftotext -layout`: the lines as they stand on the page, columns side by side. */
  pageTexts: string[];
  /** `pdftotext` in reading order: each word as printed, a line break where the page broke it. */
  rawPageTexts: string[];
};

/** LibreOffice starts slowly (a new profile each time, 5–15 s) and a long document takes a while. */
const CONVERT_TIMEOUT_MS = 120_000;
const POPPLER_TIMEOUT_MS = 30_000;

/** Runs a command and gives its output; a failure names the command, so a missing tool is plain to see. */
async function run(command: string, args: string[], timeout = POPPLER_TIMEOUT_MS): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      timeout,
      encoding: 'utf8',
      // A long document's text runs to megabytes; the default 1 MB would cut it.
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    const stderr = 'stderr' in failure && typeof failure.stderr === 'string' ? failure.stderr.trim() : '';
    const killed = 'killed' in failure && failure.killed === true;
    const why = killed ? `timed out after ${timeout / 1000} s` : stderr || failure.message;
    throw new Error(`${[command, ...args].join(' ')} failed: ${why}`);
  }
}

/**
 * poppler ends every page with a form feed; the piece after the last one is empty. Its
 * text is made NFC, as the product writes it: a font may hand back a Vietnamese letter as
 * base letter plus combining mark, which would not equal the same word typed.
 */
function splitPages(text: string, pages: number): string[] {
  return text.normalize('NFC').split('\f').slice(0, pages);
}

/** Converts the .docx to PDF in a fresh temporary folder and reads the PDF back. */
export async function renderDocx(bytes: Buffer, name: string): Promise<Rendered> {
  const dir = await mkdtemp(join(tmpdir(), 'render-docx-'));
  // The name becomes a file name: keep it to characters no shell or LibreOffice trips on.
  const base = name.replace(/[^A-Za-z0-9_-]+/g, '-') || 'document';
  const docxPath = join(dir, `${base}.docx`);
  await writeFile(docxPath, bytes);

  // A fresh profile per call: two LibreOffice processes on one profile wait on its lock,
  // or the second quietly hands its work to the first and converts nothing.
  const profile = join(dir, 'profile');
  await run(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docxPath,
    ],
    CONVERT_TIMEOUT_MS,
  );
  // The profile is tens of megabytes and of no further use; the docx and the PDF stay for a look.
  await rm(profile, { recursive: true, force: true });
  const pdfPath = join(dir, `${base}.pdf`);
  // soffice answers 0 even when it could not open the file: the PDF itself is the proof.
  if (!existsSync(pdfPath)) throw new Error(`soffice made no PDF of ${docxPath}`);

  const info = await run('pdfinfo', [pdfPath]);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`pdfinfo gave no page count for ${pdfPath}`);

  // `-` writes the text to stdout rather than to a .txt beside the PDF.
  const layout = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-']);
  const raw = await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']);
  return { pdfPath, pages, pageTexts: splitPages(layout, pages), rawPageTexts: splitPages(raw, pages) };
}

/** Draws one page (1-based) as a PNG at 60 dpi, enough to see the layout; returns the file. */
export async function pageImage(rendered: Rendered, page: number, outFile: string): Promise<string> {
  if (!Number.isInteger(page) || page < 1 || page > rendered.pages) {
    throw new Error(`page ${page} is not in 1–${rendered.pages}`);
  }
  await mkdir(dirname(outFile), { recursive: true });
  // pdftoppm takes a prefix and adds `.png` itself (with -singlefile, no page number either).
  const prefix = outFile.replace(/\.png$/i, '');
  const pageArgs = ['-f', String(page), '-l', String(page)];
  await run('pdftoppm', ['-png', '-r', '60', ...pageArgs, '-singlefile', rendered.pdfPath, prefix]);
  return `${prefix}.png`;
}
