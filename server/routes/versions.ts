// The HTTP side of optimistic concurrency: the version a writer read arrives as If-Match
// (or a body `version`), and every single resource is answered with its version as ETag.
import { fieldRefusal, refuse } from '../errors';

/** `"3"`, `W/"3"` or `3` → 3; a list takes its first entry; `*` means any version. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const first = header.split(',')[0]?.trim() ?? '';
  if (first === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(first);
  if (!match?.[1])
    throw refuse('VALIDATION_FAILED', 'version.invalidIfMatch', {}, [
      fieldRefusal('If-Match', 'version.format'),
    ]);
  return Number(match[1]);
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** If-Match and a body `version` must agree when both are given. */
export function expectedVersion(
  header: string | undefined,
  bodyVersion: number | undefined,
): number | undefined {
  const fromHeader = parseIfMatch(header);
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw refuse('VALIDATION_FAILED', 'version.mismatch', {}, [
      fieldRefusal('version', 'version.mismatchDetail', { header: fromHeader, body: bodyVersion }),
    ]);
  }
  return fromHeader ?? bodyVersion;
}
