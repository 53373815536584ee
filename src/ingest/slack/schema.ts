import { z } from 'zod';

const optionalString = z.string().nullable().optional();

/** users.json: who the `U…` ids are. */
export const slackUser = z.looseObject({
  id: z.string(),
  name: optionalString,
  real_name: optionalString,
  profile: z.looseObject({ display_name: optionalString, real_name: optionalString }).optional(),
});

/** channels.json, groups.json, mpims.json and dms.json entries. */
export const slackChannel = z.looseObject({
  id: z.string(),
  name: optionalString,
  members: z.array(z.string()).nullable().optional(),
  user: optionalString,
});

const slackFile = z.looseObject({
  id: optionalString,
  name: optionalString,
  title: optionalString,
  mimetype: optionalString,
  mode: optionalString,
});

const profile = z.looseObject({
  display_name: optionalString,
  real_name: optionalString,
  name: optionalString,
});

const inner = z.looseObject({
  user: optionalString,
  text: optionalString,
  ts: optionalString,
  thread_ts: optionalString,
  files: z.array(slackFile).optional(),
});

/** One element of a `<channel>/<date>.json` day file: only the fields the importer reads. */
export const slackMessage = z.looseObject({
  type: optionalString,
  subtype: optionalString,
  ts: z.string(),
  thread_ts: optionalString,
  user: optionalString,
  bot_id: optionalString,
  username: optionalString,
  text: optionalString,
  edited: z.looseObject({}).nullable().optional(),
  files: z.array(slackFile).optional(),
  user_profile: profile.nullable().optional(),
  bot_profile: z.looseObject({ name: optionalString }).nullable().optional(),
  message: inner.optional(),
  previous_message: inner.optional(),
});

export type SlackMessage = z.infer<typeof slackMessage>;
export type SlackFile = z.infer<typeof slackFile>;
