import type { ChatscreenError } from '../../domain/index.js';
import { readArrayFile } from '../json/read-array.js';
import type { ParseReportBuilder } from '../report.js';
import type { MetadataFile, SlackLayout } from './layout.js';
import { slackChannel, slackUser } from './schema.js';

export type ChannelKind = 'channel' | 'group' | 'mpim' | 'dm';

export interface SlackChannelInfo {
  id: string;
  name: string | null;
  kind: ChannelKind;
  members: string[];
  /** For a direct message, the other person (Slack's `user`), when the export says. */
  peer: string | null;
  /** The folder its day files are in: the name, or for direct messages the id. */
  folder: string;
}

export interface SlackDirectory {
  /** User id → the name Slack showed (display name, else real name, else handle). */
  users: Map<string, string>;
  /** Channels in the order the export lists them (channels, private, group DMs, DMs). */
  channels: SlackChannelInfo[];
  channelNames: Map<string, string>;
}

const CHANNEL_FILES: [MetadataFile, ChannelKind][] = [
  ['channels.json', 'channel'],
  ['groups.json', 'group'],
  ['mpims.json', 'mpim'],
  ['dms.json', 'dm'],
];

function firstNonEmpty(...values: (string | null | undefined)[]): string | null {
  for (const v of values) if (typeof v === 'string' && v !== '') return v;
  return null;
}

/**
 * Reads the workspace's metadata files. A missing or unreadable one is reported and the import
 * goes on with what is left: names then fall back to ids and folder names.
 */
export async function readSlackDirectory(
  layout: SlackLayout,
  report: ParseReportBuilder,
): Promise<SlackDirectory> {
  const warn = (
    code: string,
    detail: string,
    location: Parameters<ParseReportBuilder['warn']>[2],
  ): void => report.warn(code, detail, location);
  const unreadable = (file: string, error: ChatscreenError): void =>
    report.warn(
      'unreadable_metadata',
      `${file} could not be read (${error.code}); ids are shown instead of names`,
      error.location,
    );

  const users = new Map<string, string>();
  const usersEntry = layout.metadata['users.json'];
  if (usersEntry === undefined)
    report.warn(
      'missing_metadata',
      'users.json is missing; user ids are shown instead of names',
      null,
    );
  else {
    const file = await readArrayFile(usersEntry, '', warn);
    if ('elements' in file) {
      for (const bad of file.invalid) {
        report.warn(
          'unreadable_metadata',
          'a users.json record is not valid JSON; its id is shown instead of a name',
          bad.location,
        );
      }
      for (const element of file.elements) {
        const user = slackUser.safeParse(element.value);
        if (!user.success) continue;
        const u = user.data;
        const name = firstNonEmpty(
          u.profile?.display_name,
          u.profile?.real_name,
          u.real_name,
          u.name,
        );
        if (name !== null) users.set(u.id, name);
      }
    } else unreadable('users.json', file);
  }

  const channels: SlackChannelInfo[] = [];
  const channelNames = new Map<string, string>();
  for (const [fileName, kind] of CHANNEL_FILES) {
    const entry = layout.metadata[fileName];
    if (entry === undefined) continue;
    const file = await readArrayFile(entry, '', warn);
    if (!('elements' in file)) {
      unreadable(fileName, file);
      continue;
    }
    for (const bad of file.invalid) {
      report.warn('unreadable_metadata', `a ${fileName} record is not valid JSON`, bad.location);
    }
    for (const element of file.elements) {
      const parsed = slackChannel.safeParse(element.value);
      if (!parsed.success) continue;
      const c = parsed.data;
      const name = firstNonEmpty(c.name);
      channels.push({
        id: c.id,
        name,
        kind,
        members: c.members ?? [],
        peer: firstNonEmpty(c.user),
        folder: kind === 'dm' ? c.id : (name ?? c.id),
      });
      if (name !== null) channelNames.set(c.id, name);
    }
  }
  return { users, channels, channelNames };
}
