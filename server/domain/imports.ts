// Spreadsheets brought in (issue 13): the fields an activity row can fill, the headings
// people write for them, and how a cell's text is read (dates as people type them, times,
// lists). Pure: the services match names against the reference data.

/** Text compared as people read it: no accents, đ as d, lower case, single spaces (NFC in, folded out). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const importFields = [
  'id',
  'version',
  'title',
  'type',
  'startDate',
  'endDate',
  'time',
  'lead',
  'partners',
  'units',
  'venue',
  'targetGroups',
  'channels',
  'campaign',
  'task',
] as const;
export type ImportField = (typeof importFields)[number];
/** A planned figure's column: `expected:<indicator code>`. */
export type FigureField = `expected:${string}`;
export type MappedField = ImportField | FigureField;

/** The template's heading of each field, in the template's order (the first is the id for updates). */
export const fieldHeadings: Record<ImportField, string> = {
  id: 'Mã hoạt động',
  version: 'Phiên bản',
  title: 'Tên hoạt động',
  type: 'Loại hình',
  startDate: 'Ngày bắt đầu',
  endDate: 'Ngày kết thúc',
  time: 'Giờ',
  lead: 'Cơ quan chủ trì',
  partners: 'Cơ quan phối hợp',
  units: 'Địa bàn',
  venue: 'Địa điểm',
  targetGroups: 'Đối tượng',
  channels: 'Kênh',
  campaign: 'Chiến dịch',
  task: 'Nhiệm vụ kế hoạch',
};

/** Other headings agencies use in their own files, folded. */
const aliases: Record<ImportField, string[]> = {
  id: ['id', 'ma', 'ma hd'],
  version: ['version'],
  title: ['ten', 'noi dung', 'hoat dong', 'ten hoat dong tuyen truyen', 'noi dung hoat dong', 'title'],
  type: ['loai hoat dong', 'hinh thuc', 'hinh thuc tuyen truyen', 'loai', 'type'],
  startDate: ['ngay', 'tu ngay', 'ngay to chuc', 'thoi gian', 'ngay thuc hien', 'start'],
  endDate: ['den ngay', 'den het ngay', 'ngay ket thuc du kien', 'end'],
  time: ['gio to chuc', 'thoi gian trong ngay', 'khung gio'],
  lead: ['don vi chu tri', 'chu tri', 'co quan thuc hien', 'don vi thuc hien'],
  partners: ['don vi phoi hop', 'phoi hop'],
  units: ['dia ban to chuc', 'xa phuong', 'don vi hanh chinh', 'dia phuong'],
  venue: ['noi to chuc', 'dia diem to chuc'],
  targetGroups: ['doi tuong tham gia', 'doi tuong tuyen truyen'],
  channels: ['kenh truyen thong', 'phuong tien'],
  campaign: ['dot cao diem', 'cao diem'],
  task: ['nhiem vu', 'thuoc nhiem vu'],
};

const figurePrefix = /^(?:so lieu )?du kien\s+/;

/** The heading of a planned figure's column: `Dự kiến: Lượt người tham dự`. */
export const figureHeading = (indicatorName: string) => `Dự kiến: ${indicatorName}`;

/**
 * The field a heading names, if any: the template's heading or an alias, accents and case
 * aside; `Dự kiến: Lượt người` names the planned figure of the indicator so called.
 */
export function fieldOfHeading(
  heading: string,
  indicatorOf: (folded: string) => string | null,
): MappedField | null {
  const folded = foldText(heading);
  if (folded === '') return null;
  for (const field of importFields) {
    if (foldText(fieldHeadings[field]) === folded || aliases[field].includes(folded)) return field;
  }
  const figure = folded.match(figurePrefix);
  if (figure) {
    const code = indicatorOf(folded.slice(figure[0].length).replace(/\s*\(.*$/, ''));
    if (code) return `expected:${code}`;
  }
  return null;
}

export const importLimits = { rows: 20_000, columns: 100, cellCharacters: 5_000, bytes: 10 * 1024 * 1024 };

/**
 * A date as people type it in a sheet: `30/7/2025`, `30-07-2025`, `30.7.2025`, `2025-07-30`,
 * or `30/7` in the import's year. Null when it is not a real date.
 */
export function readDate(
  text: string,
  year: number,
  parseDay: (text: string) => string | null,
): string | null {
  const value = text.trim();
  const dayMonth = value.match(/^(\d{1,2})[/.-](\d{1,2})$/);
  return parseDay(dayMonth ? `${dayMonth[1]}/${dayMonth[2]}/${year}` : value);
}

/** `08:00`, `8h`, `8h30`, `8:00 - 10:30`, `8h-10h` → start and maybe end as `HH:MM`; null if unreadable. */
export function readTimes(text: string): { start: string; end: string | null } | null {
  const parts = text
    .trim()
    .toLowerCase()
    .split(/\s*[-–—]\s*|\s+den\s+|\s+đến\s+/);
  if (parts.length > 2 || parts[0] === '') return null;
  const times = parts.map((part) => {
    const match = part.match(/^(\d{1,2})(?:[:h.](\d{2})?)?h?$/);
    if (!match) return null;
    const hour = Number(match[1]);
    const minute = Number(match[2] ?? 0);
    if (hour > 23 || minute > 59) return null;
    return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  });
  if (times.some((time) => time === null)) return null;
  const [start, end] = times as string[];
  if (start === undefined) return null;
  if (end !== undefined && end <= start) return null;
  return { start, end: end ?? null };
}

/**
 * A cell listing several names: separated by `;`, `,`, `+` or new lines, except inside
 * brackets ("Học sinh trung học (THCS, THPT)" is one name).
 */
export function readList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let part = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[;,+\n]/.test(char)) {
      parts.push(part);
      part = '';
    } else part += char;
  }
  parts.push(part);
  return parts.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** A planned figure: `600`, `1.200` or `1,200` (grouping), never a fraction. Null if unreadable. */
export function readCount(text: string): number | null {
  const value = text.trim().replace(/[.,\s](?=\d{3}(?:\D|$))/g, '');
  return /^\d{1,12}$/.test(value) ? Number(value) : null;
}
