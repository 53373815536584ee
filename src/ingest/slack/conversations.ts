import type { Conversation } from '../../domain/index.js';
import type { SlackLayout } from './layout.js';
import type { SlackChannelInfo, SlackDirectory } from './metadata.js';

export interface SlackFolder {
  folder: string;
  conversation: Conversation;
}

function titleOf(
  info: SlackChannelInfo | undefined,
  directory: SlackDirectory,
  folder: string,
): string {
  if (info === undefined) return folder;
  if (info.kind === 'channel' || info.kind === 'group') return `#${info.name ?? folder}`;
  // A DM's `user` is the other person; members are the fallback (group DMs have only those).
  const people = info.kind === 'dm' && info.peer !== null ? [info.peer] : info.members;
  const members = [...new Set(people)].map((id) => directory.users.get(id) ?? id);
  return members.length > 0 ? members.join(', ') : (info.name ?? folder);
}

/**
 * Conversations in the order the metadata lists them (channels, private channels, group DMs,
 * DMs), then folders no metadata mentions, by name. Ids are Slack's channel ids where known.
 */
export function slackFolders(layout: SlackLayout, directory: SlackDirectory): SlackFolder[] {
  const byFolder = new Map<string, SlackChannelInfo>();
  for (const info of directory.channels)
    if (!byFolder.has(info.folder)) byFolder.set(info.folder, info);
  const listed = [...byFolder.keys()].filter((folder) => layout.folders.has(folder));
  const unlisted = [...layout.folders.keys()].filter((folder) => !byFolder.has(folder)).sort();
  return [...listed, ...unlisted].map((folder) => {
    const info = byFolder.get(folder);
    return {
      folder,
      conversation: { id: info?.id ?? folder, title: titleOf(info, directory, folder) },
    };
  });
}
