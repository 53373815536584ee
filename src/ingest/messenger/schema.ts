import { z } from 'zod';

const optionalString = z.string().nullable().optional();
const uriList = z.array(z.looseObject({ uri: optionalString })).optional();
/** A record's own id, where an export has one (those seen so far have none). */
const recordId = z.union([z.string(), z.number()]).nullable().optional();

/** Facebook/Instagram "Download your information" `message_N.json` record (newest first). */
export const classicMessage = z.looseObject({
  message_id: recordId,
  id: recordId,
  sender_name: optionalString,
  timestamp_ms: z.number(),
  content: optionalString,
  type: optionalString,
  is_unsent: z.boolean().optional(),
  photos: uriList,
  videos: uriList,
  audio_files: uriList,
  gifs: uriList,
  files: uriList,
  sticker: z.looseObject({ uri: optionalString }).nullable().optional(),
  share: z.looseObject({ link: optionalString, share_text: optionalString }).nullable().optional(),
  call_duration: z.number().optional(),
});

/** The end-to-end-encrypted Messenger export (messenger.com secure storage), oldest first. */
export const e2eeMessage = z.looseObject({
  id: recordId,
  messageId: recordId,
  senderName: optionalString,
  timestamp: z.number(),
  text: optionalString,
  type: optionalString,
  isUnsent: z.boolean().optional(),
  media: uriList,
});

export type ClassicMessage = z.infer<typeof classicMessage>;
export type E2eeMessage = z.infer<typeof e2eeMessage>;
