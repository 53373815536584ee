import { z } from 'zod';

const nullableString = z.string().nullable().optional();

/** DiscordChatExporter's `guild` and `channel` objects (the preamble, before `messages`). */
export const dceGuild = z.looseObject({ id: z.string().optional(), name: nullableString });
export const dceChannel = z.looseObject({
  id: z.string().optional(),
  name: nullableString,
  category: nullableString,
});

/** One element of DCE's `messages`: only the fields the importer reads. */
export const dceMessage = z.looseObject({
  id: z.string(),
  type: z.string(),
  timestamp: z.string(),
  timestampEdited: nullableString,
  content: z.string(),
  author: z.looseObject({
    id: z.string(),
    name: z.string(),
    nickname: nullableString,
  }),
  attachments: z.array(z.looseObject({ url: nullableString, fileName: nullableString })).optional(),
  stickers: z.array(z.looseObject({ name: nullableString, sourceUrl: nullableString })).optional(),
  reference: z
    .looseObject({ messageId: nullableString, channelId: nullableString })
    .nullable()
    .optional(),
});

export type DceMessage = z.infer<typeof dceMessage>;
