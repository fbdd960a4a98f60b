import type { z } from 'zod';
import {
  type NewShareLink,
  type SharedView,
  type ShareFilter,
  type ShareLink,
  type ShareLinkInput,
  type ShareLinkList,
  shareLinkEndpoints,
} from '../../../server/contracts/share-links';
import type { Activity } from './activities';
import { call } from './client';

export type { ShareFilter, ShareLink, ShareLinkInput };
export type NewShareLinkAnswer = z.infer<typeof NewShareLink>;
export type SharedLinkView = z.infer<typeof SharedView>;
export type ShareLinkPage = z.infer<typeof ShareLinkList>;

// ---------------------------------------------------------------- managing links (admins, coordinators)

/** The newest links first; a province makes a few a month, well within one page of 1000. */
export function listShareLinks(signal?: AbortSignal): Promise<ShareLinkPage> {
  return call(shareLinkEndpoints.list, { query: { limit: 1000 }, signal });
}

/** A new link: its secret and page address are in this answer and nowhere ever again. */
export function createShareLink(input: ShareLinkInput): Promise<NewShareLinkAnswer> {
  return call(shareLinkEndpoints.create, { body: input });
}

export async function revokeShareLink(id: number): Promise<void> {
  await call(shareLinkEndpoints.revoke, { params: { id } });
}

// ---------------------------------------------------------------- the shared page (no account)

/**
 * What a link shows, asked with the link's secret alone. An unknown, expired or revoked
 * link is a 404; every answer counts as a use of the link.
 */
export function getSharedView(token: string, signal?: AbortSignal): Promise<SharedLinkView> {
  return call(shareLinkEndpoints.view, { params: { token }, signal });
}

/** The link's activities that overlap [start, end), within its filters. */
export async function listSharedActivities(
  token: string,
  range: { start: string; end: string },
  signal?: AbortSignal,
): Promise<Activity[]> {
  const page = await call(shareLinkEndpoints.activities, { params: { token }, query: range, signal });
  if (page.total > page.items.length) {
    console.warn(`Lịch chỉ hiển thị ${page.items.length}/${page.total} hoạt động trong khoảng đã chọn`);
  }
  return page.items;
}
