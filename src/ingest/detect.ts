import { ChatscreenError, type ExportFormat } from '../domain/index.js';
import { asChatscreenError } from './as-chatscreen-error.js';
import type { DetectResult, ExportSource, Importer } from './types.js';

export interface Detection {
  importer: Importer;
  result: DetectResult;
}

/** Every importer's opinion of the source, most confident first; importers that said no are left out. */
export async function detectAll(
  source: ExportSource,
  importers: readonly Importer[],
): Promise<Detection[]> {
  const found: Detection[] = [];
  for (const importer of importers) {
    let result: DetectResult | null;
    try {
      result = await importer.detect(source);
    } catch (error) {
      throw asChatscreenError(error, `detecting ${importer.format}`);
    }
    if (result !== null && result.confidence > 0) found.push({ importer, result });
  }
  return found.sort((a, b) => b.result.confidence - a.result.confidence);
}

/**
 * Picks the importer for a source: the single most confident one. When two are equally sure the
 * choice is the user's (`--format`); guessing would put evidence through the wrong parser.
 */
export async function detectFormat(
  source: ExportSource,
  importers: readonly Importer[],
): Promise<Detection> {
  const found = await detectAll(source, importers);
  const [best, second] = found;
  if (best === undefined) {
    throw new ChatscreenError(
      'unrecognised_format',
      `${await describeEmptiness(source)} (tried: ${importers.map((i) => i.format).join(', ') || 'no importers'})`,
      { option: '--format' },
    );
  }
  if (second !== undefined && second.result.confidence === best.result.confidence) {
    const tied = found.filter((d) => d.result.confidence === best.result.confidence);
    throw new ChatscreenError(
      'unrecognised_format',
      `the export matches ${tied.map((d) => d.importer.format).join(' and ')} equally well`,
      { option: '--format' },
    );
  }
  return best;
}

/** A format the user chose: its importer must agree, otherwise say what the export looks like. */
export async function checkForcedFormat(
  source: ExportSource,
  format: ExportFormat,
  importers: readonly Importer[],
): Promise<Detection> {
  const importer = importers.find((i) => i.format === format);
  if (importer === undefined) {
    throw new ChatscreenError(
      'invalid_option',
      `no importer for the format "${format}" is installed`,
      {
        option: '--format',
      },
    );
  }
  const found = await detectAll(source, importers);
  const own = found.find((d) => d.importer === importer);
  if (own === undefined) {
    const others = found.map((d) => d.importer.format);
    const looksLike = others.length > 0 ? `; it looks like ${others.join(' or ')}` : '';
    throw new ChatscreenError('wrong_format', `the export is not a ${format} export${looksLike}`, {
      option: '--format',
    });
  }
  return own;
}

/** Nothing matched: say whether there was anything to match at all. */
async function describeEmptiness(source: ExportSource): Promise<string> {
  if (source.entries.length === 0) return 'the export holds no files';
  const total = source.entries.reduce((sum, e) => sum + e.size, 0);
  if (total === 0) return 'the export is empty (0 bytes)';
  if (total <= 64) {
    let text = '';
    for (const entry of source.entries) text += (await source.head(entry, 64)).toString('latin1');
    if (/^[\s\u00ef\u00bb\u00bf\u00fe\u00ff]*$/.test(text)) {
      return 'the export holds only white space or a byte-order mark';
    }
  }
  return 'the file is not a supported chat export';
}
