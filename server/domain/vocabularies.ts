// The product's closed vocabularies: each list written once, here, and turned into zod
// enums by the contracts, into SQL by the services and into words by the screens.

export const activityStatuses = ['planned', 'confirmed', 'done', 'postponed', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const reviewStatuses = ['submitted', 'accepted', 'returned'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const roles = ['admin', 'coordinator', 'agency_editor', 'unit_reporter', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const unitLevels = ['province', 'city', 'district', 'town', 'commune', 'ward', 'township'] as const;

export const successionKinds = ['rename', 'split', 'merge', 'partial'] as const;

export const tokenKinds = ['api', 'feed'] as const;

/**
 * Passwords are counted in characters as a person counts them (code points), not in UTF-16
 * units or bytes; long enough for any passphrase, short enough that hashing cannot be used
 * to tie up the server.
 */
export const passwordLength = { min: 8, max: 256 } as const;

export const aggregations = ['sum', 'max'] as const;
export type Aggregation = (typeof aggregations)[number];

/** Activity statuses in Vietnamese, as reports and the Word document write them. */
export const statusWords: Record<ActivityStatus, string> = {
  planned: 'Dự kiến',
  confirmed: 'Đã xác nhận',
  done: 'Đã thực hiện',
  postponed: 'Tạm hoãn',
  cancelled: 'Đã hủy',
};

export const reviewWords: Record<ReviewStatus, string> = {
  submitted: 'Chờ duyệt',
  accepted: 'Đã chấp nhận',
  returned: 'Bị trả lại',
};
