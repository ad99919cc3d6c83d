import { describe, expect, it } from 'vitest';
import { formatCompact, formatNumber, formatValue } from '../../../src/i18n/format';

describe('locale-aware number formatting', () => {
  it('writes id-ID and en numbers in their own style, whichever was asked first', () => {
    expect(formatNumber('id-ID', 1234567)).toBe('1.234.567');
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
    expect(formatNumber('id-ID', 12.5, 1)).toBe('12,5');
    expect(formatNumber('en', 12.5, 1)).toBe('12.5');
    expect(formatNumber('en', 12.5, 2)).toBe('12.50');
    expect(formatNumber('en', 12.5)).toBe('13');
  });

  it('formats values with their units and compact counts', () => {
    expect(formatValue('id-ID', 'percent', 53.04)).toBe('53,0%');
    expect(formatValue('en', 'people', 1499.6)).toBe('1,500');
    expect(formatCompact('en', 1_234_567)).toBe('1.2M');
    expect(formatCompact('id-ID', 1_234_567)).toMatch(/^1,2\sjt$/); // a no-break space
  });
});
