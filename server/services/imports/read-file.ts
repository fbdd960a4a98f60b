// Reading an uploaded sheet into rows of text: an `.xlsx` (also one saved from `.xls`) by
// exceljs, a `.csv` in UTF-8 (with or without BOM, comma, semicolon or tab, detected) by the
// small reader below. Values are read as stored; a formula is never evaluated (its cached
// result is taken). Every limit is checked before the rows go anywhere.
import ExcelJS from 'exceljs';
import { importLimits } from '../../domain/imports';
import { type AppError, invalidField, refuse } from '../../errors';

export type Sheet = { headers: string[]; rows: string[][] };

const refused = (
  key: Parameters<typeof invalidField>[1],
  params: Record<string, string | number> = {},
): AppError => invalidField('file', key, params);

/** A zip's entries, from its central directory: their uncompressed sizes, as declared. */
function declaredZipSize(buffer: Buffer): number | null {
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 65_557); at--) {
    if (buffer.readUInt32LE(at) !== 0x06054b50) continue;
    const entries = buffer.readUInt16LE(at + 10);
    let entry = buffer.readUInt32LE(at + 16);
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (entry + 46 > buffer.length || buffer.readUInt32LE(entry) !== 0x02014b50) return null;
      total += buffer.readUInt32LE(entry + 24);
      entry +=
        46 +
        buffer.readUInt16LE(entry + 28) +
        buffer.readUInt16LE(entry + 30) +
        buffer.readUInt16LE(entry + 32);
    }
    return total;
  }
  return null;
}

/** An exceljs cell value as the text a person sees; a date cell as `YYYY-MM-DD`. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const declared = declaredZipSize(buffer);
  // A sheet of 20,000 rows unpacks to a few tens of MB; far more is a zip bomb.
  if (declared === null || declared > 200 * 1024 * 1024 || declared > buffer.length * 200) {
    throw refused('import.notSpreadsheet');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw refused('import.notSpreadsheet');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refused('import.empty');
  if (sheet.actualColumnCount > importLimits.columns) {
    throw refused('import.tooManyColumns', { limit: importLimits.columns });
  }
  if (sheet.rowCount > importLimits.rows + 1)
    throw refused('import.tooManyRows', { limit: importLimits.rows });
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++)
      cells.push(cellText(row.getCell(column).value));
    rows.push(cells);
  });
  return rows;
}

/** The separator the header line uses most, outside quotes. */
function separatorOf(line: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** RFC 4180 fields: quotes around a field hold separators, new lines and doubled quotes. */
function readCsv(text: string): string[][] {
  const separator = separatorOf(text.slice(0, text.search(/\r?\n|$/)));
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[at + 1] === '\n') at++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > importLimits.rows + 1)
        throw refused('import.tooManyRows', { limit: importLimits.rows });
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** NUL and the other control bytes a text sheet never holds (tab and new lines aside). */
function hasControlBytes(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

function decodeUtf8(buffer: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** The cells as stored: NFC, trimmed; rows with nothing in them left out. */
function cleaned(rows: string[][]): string[][] {
  return rows
    .map((row) => row.map((cell) => cell.normalize('NFC').trim()))
    .filter((row) => row.some((cell) => cell !== ''));
}

/** Checks what every sheet must hold, and splits the headings from the rows. */
function sheetOf(rows: string[][]): Sheet {
  const [headers, ...data] = cleaned(rows);
  if (!headers) throw refused('import.empty');
  if (data.length === 0) throw refused('import.noRows');
  const width = Math.max(headers.length, ...data.map((row) => row.length));
  if (width > importLimits.columns) throw refused('import.tooManyColumns', { limit: importLimits.columns });
  if (data.length > importLimits.rows) throw refused('import.tooManyRows', { limit: importLimits.rows });
  data.forEach((row, index) => {
    const long = row.findIndex((cell) => cell.length > importLimits.cellCharacters);
    if (long >= 0) {
      throw refused('import.cellTooLong', {
        row: index + 2,
        column: long + 1,
        limit: importLimits.cellCharacters,
      });
    }
  });
  const pad = (row: string[]) => [...row, ...Array<string>(width - row.length).fill('')];
  return { headers: pad(headers), rows: data.map(pad) };
}

/** The file's first sheet; refused with the reason when it is not a sheet this can read. */
export async function readSheet(buffer: Buffer): Promise<Sheet> {
  if (buffer.length > importLimits.bytes) {
    throw refuse('PAYLOAD_TOO_LARGE', 'upload.tooLarge', { megabytes: importLimits.bytes / 1024 / 1024 });
  }
  if (buffer.length === 0) throw refused('import.empty');
  const isZip = buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
  if (isZip) return sheetOf(await readXlsx(buffer));
  const text = decodeUtf8(buffer);
  // Text with NULs or control bytes is a binary file that happens to decode.
  if (text === null || hasControlBytes(text)) throw refused('import.notSpreadsheet');
  return sheetOf(readCsv(text));
}
