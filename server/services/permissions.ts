// Who may do what: the one place authorisation is decided. Every route names the
// permission it needs (route config `permission`), and the authorization plugin asks
// `isAllowed` before the handler runs.
//
// Accounts and roles arrive with the accounts issue. Until then there is no signed-in
// actor and the deployment runs open: every permission is granted. That issue fills in
// `Actor` and the role table below; no route has to change.

export const permissions = [
  'catalog:read',
  'units:read',
  'units:write',
  'agencies:read',
  'agencies:write',
  'plans:read',
  'plans:write',
  'campaigns:read',
  'campaigns:write',
  'activities:read',
  'activities:write',
  'activities:restore',
] as const;
export type Permission = (typeof permissions)[number];

export type Actor = { id: number };

export function isAllowed(_actor: Actor | null, _permission: Permission): boolean {
  return true;
}
