// The outline of a sơ kết or tổng kết report, as officials write one: an opening citing the
// plan, I. direction, II. results (by plan task, the campaign, then each channel family and
// coverage), III. assessment, IV. next tasks, V. proposals; the appendix of figures follows.
// One outline for the Word file, the preview and the editor, so they number alike.

export type OutlineEntry = {
  key: string;
  /** The part it belongs to (`II`), or null for the opening paragraph, which has no heading. */
  part: 'I' | 'II' | 'III' | 'IV' | 'V' | null;
  /** Its default heading; in a part of one section, the part's own heading. */
  title: string;
};

export const reportParts = {
  I: 'Công tác chỉ đạo, triển khai',
  II: 'Kết quả thực hiện',
  III: 'Đánh giá',
  IV: 'Phương hướng, nhiệm vụ',
  V: 'Kiến nghị, đề xuất',
} as const;

export const reportOutline: readonly OutlineEntry[] = [
  { key: 'opening', part: null, title: 'Mở đầu' },
  { key: 'direction', part: 'I', title: reportParts.I },
  { key: 'general', part: 'II', title: 'Kết quả chung' },
  { key: 'tasks', part: 'II', title: 'Kết quả thực hiện các nhiệm vụ của Kế hoạch' },
  { key: 'campaign', part: 'II', title: 'Đợt cao điểm tuyên truyền' },
  { key: 'direct', part: 'II', title: 'Tuyên truyền trực tiếp' },
  { key: 'media', part: 'II', title: 'Tuyên truyền trên báo chí, phát thanh, truyền hình' },
  { key: 'grassroots', part: 'II', title: 'Tuyên truyền trên hệ thống thông tin cơ sở' },
  { key: 'online', part: 'II', title: 'Tuyên truyền trên môi trường mạng' },
  { key: 'sms', part: 'II', title: 'Tuyên truyền qua tin nhắn' },
  { key: 'contests', part: 'II', title: 'Các cuộc thi, hội thi và hoạt động văn hóa, văn nghệ' },
  { key: 'coverage', part: 'II', title: 'Địa bàn, đối tượng chưa được tuyên truyền trực tiếp' },
  { key: 'strengths', part: 'III', title: 'Ưu điểm' },
  { key: 'weaknesses', part: 'III', title: 'Hạn chế' },
  { key: 'causes', part: 'III', title: 'Nguyên nhân' },
  { key: 'next', part: 'IV', title: reportParts.IV },
  { key: 'proposals', part: 'V', title: reportParts.V },
];

export const sectionKeys = reportOutline.map((entry) => entry.key);

export type HeadedSection = {
  key: string;
  /** `II. KẾT QUẢ THỰC HIỆN`, printed before this section when it opens its part. */
  partHeading: string | null;
  /** `3. Tuyên truyền trực tiếp`, or null when the part heading is the section's own. */
  heading: string | null;
  text: string;
};

const upper = (text: string) => text.toLocaleUpperCase('vi');

/**
 * The sections the document prints, with their headings: a section with no text is left
 * out and the others numbered without a gap; a part of one section takes its title as the
 * part heading; a part with none is left out, and the parts keep their Roman numerals.
 */
export function headedSections(sections: readonly { key: string; title: string; text: string }[]) {
  const byKey = new Map(sections.map((section) => [section.key, section]));
  const printed: HeadedSection[] = [];
  for (const part of ['I', 'II', 'III', 'IV', 'V'] as const) {
    const entries = reportOutline.filter((entry) => entry.part === part);
    const filled = entries.flatMap((entry) => {
      const section = byKey.get(entry.key);
      return section && section.text.trim() !== '' ? [section] : [];
    });
    if (filled.length === 0) continue;
    const single = entries.length === 1;
    filled.forEach((section, index) => {
      printed.push({
        key: section.key,
        partHeading: index === 0 ? `${part}. ${upper(single ? section.title : reportParts[part])}` : null,
        heading: single ? null : `${index + 1}. ${section.title}`,
        text: section.text,
      });
    });
  }
  const opening = byKey.get('opening');
  return opening && opening.text.trim() !== ''
    ? [{ key: 'opening', partHeading: null, heading: null, text: opening.text }, ...printed]
    : printed;
}

/** A section's paragraphs: its lines, without empty ones. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The lines of nơi nhận as printed: each after a dash, a semicolon after all but the last,
 * which is the archive (`- Lưu: VT, CATP.`), added when the list does not end with it.
 */
export function recipientLines(recipients: readonly string[], symbol: string): string[] {
  const lines = recipients
    .map((line) => line.replace(/^[-–•\s]+/, '').replace(/[;.,\s]+$/, ''))
    .filter(Boolean);
  if (!lines.at(-1)?.startsWith('Lưu')) lines.push(`Lưu: VT, ${symbolLetters(symbol)}`);
  return lines.map((line, index) => `- ${line}${index === lines.length - 1 ? '.' : ';'}`);
}

/** What a report needs written on it before it is issued, by field (`signer.name`). */
export function missingToIssue(report: {
  number: string;
  subject: string;
  signer: { authority: string; name: string };
}): string[] {
  return [
    report.number.trim() === '' ? 'number' : null,
    report.signer.name.trim() === '' ? 'signer.name' : null,
    report.signer.authority.trim() === '' ? 'signer.authority' : null,
    report.subject.trim() === '' ? 'subject' : null,
  ].filter((path): path is string => path !== null);
}

/** A report's ký hiệu is its kind's letters, then the body's: `BC-CATP`. */
export const reportSymbol = (letters: string) => `BC-${letters}`;

/** The body's letters of a report's ký hiệu (`BC-CATP` → `CATP`), as nơi nhận's archive line names it. */
export const symbolLetters = (symbol: string) => symbol.replace(/^BC-/, '');
