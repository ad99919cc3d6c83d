/**
 * SVG file snapshots for the charts: numbers rounded to 3 decimals, one element per line, compared
 * with `toMatchFileSnapshot`; on a mismatch a `-changed` copy is written next to the snapshot for review.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Rounds every decimal number to 3 places, self-closes empty elements and puts each tag on its own line. */
export function normaliseSvg(markup: string): string {
  return `${markup
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 1000) / 1000))
    .replace(/<([a-z]+)([^<>]*)><\/\1>/g, '<$1$2/>')
    .replace(/></g, '>\n<')}\n`;
}

/** Compares `markup` with `__snapshots__/<name>` beside this file. */
export async function expectSvgSnapshot(markup: string, name: string): Promise<void> {
  const normalised = normaliseSvg(markup);
  const file = join(import.meta.dirname, '__snapshots__', name);
  try {
    await expect(normalised).toMatchFileSnapshot(file);
  } catch (error) {
    writeFileSync(file.replace(/(\.[a-z]+)$/, '-changed$1'), normalised);
    throw error;
  }
}
