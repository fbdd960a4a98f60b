import { z } from 'zod';
import { Code, Count, Id, IdParams, listOf, pageQuery, RequiredText, Text, VersionField } from './common';
import { endpoint } from './endpoints';

export const TaskTarget = z.object({ indicatorCode: z.string(), value: z.number().int().nonnegative() });

export const Task = z.object({
  id: Id,
  planId: Id,
  sectionCode: z.string().nullable(),
  code: z.string(),
  title: z.string(),
  titleEn: z.string(),
  text: z.string(),
  textEn: z.string(),
  leadAgencyIds: z.array(Id),
  partnerAgencyIds: z.array(Id),
  /** "Các sở, ban, ngành, địa phương": every agency leads or partners, beside any named ones. */
  leadAllAgencies: z.boolean(),
  partnerAllAgencies: z.boolean(),
  targetGroupCodes: z.array(z.string()),
  channelCodes: z.array(z.string()),
  activityTypeCodes: z.array(z.string()),
  targets: z.array(TaskTarget),
  version: z.number().int(),
});
export type Task = z.infer<typeof Task>;

const taskFields = {
  sectionCode: Text.max(20).nullable().optional(),
  code: RequiredText(20),
  title: RequiredText(500),
  titleEn: Text.max(500).optional(),
  text: Text.max(20000).optional(),
  textEn: Text.max(20000).optional(),
  leadAgencyIds: z.array(Id).max(200).optional(),
  partnerAgencyIds: z.array(Id).max(200).optional(),
  leadAllAgencies: z.boolean().optional(),
  partnerAllAgencies: z.boolean().optional(),
  targetGroupCodes: z.array(Code).max(50).optional(),
  channelCodes: z.array(Code).max(50).optional(),
  activityTypeCodes: z.array(Code).max(50).optional(),
  targets: z
    .array(z.strictObject({ indicatorCode: Code, value: Count }))
    .max(50)
    .optional(),
};

export const TaskInput = z.strictObject(taskFields);
export const TaskPatch = z.strictObject({ ...taskFields, ...VersionField }).partial();
export type TaskInput = z.infer<typeof TaskInput>;
export type TaskPatch = z.infer<typeof TaskPatch>;

export const TaskQuery = z.strictObject({ ...pageQuery() });
export const TaskList = listOf(Task);

const tags = ['tasks'];

export const taskEndpoints = {
  /** A plan's tasks: the `id` is the plan's. */
  list: endpoint({
    method: 'GET',
    path: '/api/plans/:id/tasks',
    params: IdParams,
    query: TaskQuery,
    response: TaskList,
    status: 200,
    tags,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/plans/:id/tasks',
    params: IdParams,
    body: TaskInput,
    response: Task,
    status: 201,
    tags,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/tasks/:id',
    params: IdParams,
    response: Task,
    status: 200,
    tags,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/tasks/:id',
    params: IdParams,
    body: TaskPatch,
    response: Task,
    status: 200,
    tags,
  }),
};
