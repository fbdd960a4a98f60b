// Media output: items published (news, programmes, posts, SMS runs, loudspeaker broadcasts)
// by channel and month, each indicator in its own unit.
import { type MediaOutput, mediaOutputEndpoints } from '../../../server/contracts/media-output';
import { call } from './client';

export type { MediaOutput };

export type MediaOutputQuery = {
  /** Inclusive, `YYYY-MM-DD`, by each item's local start date. */
  startDate: string;
  endDate: string;
  agencyId?: number | undefined;
  campaignId?: number | undefined;
  /** Only results a coordinator accepted. */
  acceptedOnly?: boolean | undefined;
};

export function getMediaOutput(query: MediaOutputQuery, signal?: AbortSignal): Promise<MediaOutput> {
  return call(mediaOutputEndpoints.get, {
    query: {
      startDate: query.startDate,
      endDate: query.endDate,
      agencyId: query.agencyId,
      campaignId: query.campaignId,
      acceptedOnly: query.acceptedOnly ? 'true' : undefined,
    },
    signal,
  });
}
