// Optimistic concurrency: a writer says which version it read (If-Match or `version`);
// if the record moved on since, the write is refused whole with 412.
import { AppError } from '../errors';

/** `"3"`, `W/"3"` or `3` → 3; a list takes its first entry; `*` means any version. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const first = header.split(',')[0]?.trim() ?? '';
  if (first === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(first);
  if (!match?.[1])
    throw new AppError('VALIDATION_FAILED', 'If-Match không hợp lệ', [
      { path: 'If-Match', message: 'Cần phiên bản dạng "3"' },
    ]);
  return Number(match[1]);
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Throws 412 when the writer read an older (or newer) version than the stored one. */
export function assertVersion(stored: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== stored) {
    throw new AppError(
      'VERSION_CONFLICT',
      `${what} đã được người khác sửa (phiên bản hiện tại ${stored}, bạn gửi ${expected}). Hãy tải lại rồi sửa tiếp.`,
    );
  }
}

/** If-Match and a body `version` must agree when both are given. */
export function expectedVersion(
  header: string | undefined,
  bodyVersion: number | undefined,
): number | undefined {
  const fromHeader = parseIfMatch(header);
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new AppError('VALIDATION_FAILED', 'If-Match và version không khớp nhau', [
      { path: 'version', message: `If-Match ${fromHeader} khác version ${bodyVersion}` },
    ]);
  }
  return fromHeader ?? bodyVersion;
}
