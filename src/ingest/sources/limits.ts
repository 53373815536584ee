/**
 * Caps that keep a hostile archive from turning a streaming read into an endless one. Nothing is
 * ever extracted to disk, so the danger of a zip bomb here is time (inflating terabytes), not
 * space; the caps are checked against the headers when the archive is opened and again against
 * the bytes actually inflated, because headers can lie.
 */
export interface ArchiveLimits {
  /** Most uncompressed bytes all entries together may hold. */
  maxTotalBytes: number;
  /** Most entries an archive may list. */
  maxEntries: number;
  /** Highest uncompressed/compressed ratio of one entry, checked once it is over `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this may compress as well as they like (small files are harmless). */
  ratioFloorBytes: number;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  // Real exports reach a few GB (WhatsApp with media, Slack workspaces); 64 GiB leaves room.
  maxTotalBytes: 64 * GiB,
  maxEntries: 200_000,
  // Chat text deflates about 5-20:1 and media barely at all; deflate's ceiling is about 1032:1,
  // which only crafted data reaches.
  maxRatio: 200,
  ratioFloorBytes: 8 * MiB,
};
