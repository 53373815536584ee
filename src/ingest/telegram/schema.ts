import { z } from 'zod';

/** A piece of formatted text: plain strings and entities (`{type:"bold", text:"Link:"}`). */
const entity = z.union([z.string(), z.looseObject({ text: z.string() })]);

/** `text` is a plain string, or an array of strings and entities when the message has formatting. */
export const telegramText = z.union([z.string(), z.array(entity)]);

const integerText = z.union([z.string(), z.number()]);

/**
 * One element of a Telegram Desktop `messages` array: only the fields the importer reads.
 * Everything else (reactions, forwarded_from, via_bot, thumbnails...) is left in the bytes that
 * `source` points at.
 */
export const telegramMessage = z.looseObject({
  id: z.number().optional(),
  type: z.string(),
  date: z.string().optional(),
  date_unixtime: integerText.optional(),
  edited: z.string().optional(),
  edited_unixtime: integerText.optional(),
  from: z.string().nullable().optional(),
  from_id: integerText.optional(),
  actor: z.string().nullable().optional(),
  actor_id: integerText.optional(),
  action: z.string().optional(),
  text: telegramText.optional(),
  reply_to_message_id: z.number().optional(),
  reply_to_peer_id: integerText.optional(),
  photo: z.string().optional(),
  file: z.string().optional(),
  file_name: z.string().optional(),
  media_type: z.string().optional(),
  location_information: z.looseObject({}).optional(),
  live_location_period_seconds: z.number().optional(),
  contact_information: z.looseObject({}).optional(),
  contact_vcard: z.string().optional(),
  poll: z
    .looseObject({
      question: z.string().optional(),
      answers: z.array(z.looseObject({ text: z.string().optional() })).optional(),
    })
    .optional(),
});

export type TelegramMessage = z.infer<typeof telegramMessage>;
export type TelegramText = z.infer<typeof telegramText>;
