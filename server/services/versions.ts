// Optimistic concurrency: a writer says which version it read (the routes read it from
// If-Match or `version`); if the record moved on since, the write is refused whole with 412.
import { refuse } from '../errors';

/** Throws 412 when the writer read an older (or newer) version than the stored one. */
export function assertVersion(stored: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== stored) {
    throw refuse('VERSION_CONFLICT', 'record.stale', { what, stored, expected });
  }
}
