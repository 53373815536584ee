import { guardDetect, guardRead } from '../json/guard.js';
import type { Importer } from '../types.js';
import { slackLayout } from './layout.js';
import { readSlack } from './read.js';

/** Slack workspace export (folder or zip): users/channels metadata and per-day message files. */
export const slackImporter: Importer = {
  format: 'slack',
  detect: (source) =>
    guardDetect(async () => {
      const layout = slackLayout(source);
      if (layout === null) return null;
      const hasUsers = layout.metadata['users.json'] !== undefined;
      const hasChannels = layout.metadata['channels.json'] !== undefined;
      const hasDays = layout.folders.size > 0;
      if (!(hasChannels || hasDays) || !(hasUsers || hasDays)) return null;
      const confidence = hasUsers && hasChannels && hasDays ? 0.95 : 0.9;
      return { format: 'slack', confidence, variant: source.kind === 'zip' ? 'zip' : 'folder' };
    }),
  read: (source, context) => guardRead('Slack', () => readSlack(source, context)),
};
