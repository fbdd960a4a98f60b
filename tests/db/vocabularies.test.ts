// The database stores the domain's vocabularies: each column's list of values is the same
// list as server/domain/vocabularies.ts (db cannot import the server, so this test is the tie).
import { describe, expect, it } from 'vitest';
import { activities, apiTokens, indicators, results, unitSuccessions, units, users } from '../../db/schema';
import {
  activityStatuses,
  aggregations,
  reviewStatuses,
  roles,
  successionKinds,
  tokenKinds,
  unitLevels,
} from '../../server/domain/vocabularies';

describe('stored vocabularies', () => {
  it.each([
    ['activity status', activities.status.enumValues, activityStatuses],
    ['review status', results.reviewStatus.enumValues, reviewStatuses],
    ['role', users.role.enumValues, roles],
    ['unit level', units.level.enumValues, unitLevels],
    ['succession kind', unitSuccessions.kind.enumValues, successionKinds],
    ['token kind', apiTokens.kind.enumValues, tokenKinds],
    ['aggregation', indicators.aggregation.enumValues, aggregations],
  ])('%s: the column holds exactly the domain list', (_name, stored, domain) => {
    expect([...stored]).toEqual([...domain]);
  });
});
