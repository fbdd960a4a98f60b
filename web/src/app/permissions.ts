// What the interface offers to each role (DESIGN §4). The server decides; this only keeps
// the screens from offering what would be refused.
import type { Role } from '../api/auth';

export const can = {
  /** Users list (coordinators read it, only admins change it). */
  readUsers: (role: Role) => role === 'admin' || role === 'coordinator',
  writeUsers: (role: Role) => role === 'admin',
  readAudit: (role: Role) => role === 'admin' || role === 'coordinator',
  /** Agencies, units and the catalogue: everyone reads them elsewhere, admins manage them here. */
  manageReference: (role: Role) => role === 'admin',
  /** Read-only links to a filtered calendar for people without an account. */
  manageShareLinks: (role: Role) => role === 'admin' || role === 'coordinator',
  /** Whether the Admin section has anything for this role. */
  openAdmin: (role: Role) => role === 'admin' || role === 'coordinator',
};
