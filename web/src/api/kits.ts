import {
  type Kit,
  type KitApplication,
  type KitApplyInput,
  type KitApplyResult,
  type KitInput,
  type KitItem,
  type KitPatch,
  type KitPreview,
  kitEndpoints,
} from '../../../server/contracts/kits';
import { queryClient } from '../lib/query-client';
import { call } from './client';

export type { Kit, KitApplication, KitApplyInput, KitInput, KitItem, KitPreview };

export async function listKits(signal?: AbortSignal): Promise<Kit[]> {
  return (await call(kitEndpoints.list, { signal })).items;
}

export async function createKit(input: KitInput): Promise<Kit> {
  const written = await call(kitEndpoints.create, { body: input });
  await queryClient.invalidateQueries({ queryKey: ['kits'] });
  return written;
}

export async function updateKit(id: number, version: number, patch: Omit<KitPatch, 'version'>): Promise<Kit> {
  const written = await call(kitEndpoints.update, { params: { id }, body: patch, ifMatch: version });
  await queryClient.invalidateQueries({ queryKey: ['kits'] });
  return written;
}

/** Every activity applying the kit would create; nothing is stored. */
export function previewKit(id: number, input: KitApplyInput): Promise<KitPreview> {
  return call(kitEndpoints.preview, { params: { id }, body: input });
}

export async function applyKit(id: number, input: KitApplyInput): Promise<KitApplyResult> {
  const applied = await call(kitEndpoints.apply, { params: { id }, body: input });
  await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
  await queryClient.invalidateQueries({ queryKey: ['kit-applications'] });
  return applied;
}

export async function listKitApplications(
  query: { campaignId?: number; kitId?: number },
  signal?: AbortSignal,
): Promise<KitApplication[]> {
  return (await call(kitEndpoints.applications, { query, signal })).items;
}

/** Undoes an application as a whole; the server refuses (409) once one of its activities has a result. */
export async function undoKitApplication(id: number): Promise<KitApplication> {
  const undone = await call(kitEndpoints.undo, { params: { id } });
  await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
  await queryClient.invalidateQueries({ queryKey: ['kit-applications'] });
  return undone;
}

/** Soft delete with its version; what was created from it stays. */
export async function deleteKit(id: number, version: number): Promise<Kit> {
  const removed = await call(kitEndpoints.remove, { params: { id }, ifMatch: version });
  await queryClient.invalidateQueries({ queryKey: ['kits'] });
  return removed;
}
