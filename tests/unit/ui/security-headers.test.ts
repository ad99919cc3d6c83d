// The Content-Security-Policy ships as headers too (preview server, static hosts), equal to the meta tag's
// policy plus frame-ancestors, and without 'unsafe-inline'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../scripts/security-headers';
import config from '../../../vite.config';

const root = join(import.meta.dirname, '../../..');

/** `Name: value` lines of the `/*` block of a `_headers` file. */
function headersFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s+([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!.trim();
  }
  return out;
}

describe('security headers', () => {
  const csp = SECURITY_HEADERS['Content-Security-Policy']!;

  it('are the meta policy plus frame-ancestors, with no inline script or style', () => {
    expect(csp).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });

  it('the preview server sends them', () => {
    expect(config.preview?.headers).toEqual(SECURITY_HEADERS);
  });

  it('public/_headers (static hosts) and the docs carry the same', () => {
    expect(headersFile(readFileSync(join(root, 'public/_headers'), 'utf8'))).toEqual(SECURITY_HEADERS);
    const docs = readFileSync(join(root, 'docs/security-headers.md'), 'utf8');
    expect(docs.split(csp).length - 1).toBeGreaterThanOrEqual(5);
  });
});
