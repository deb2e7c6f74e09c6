/** Reading Retry-After: seconds or an HTTP date, never a time in the past, null when unreadable. */
import { describe, expect, it } from 'vitest';
import { retryAfterTime } from '../../../src/library/subscriptions/http.js';

describe('Retry-After', () => {
  const now = Date.parse('2026-11-30T10:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterTime('120', now)).toBe(now + 120_000);
    expect(retryAfterTime(' 0 ', now)).toBe(now);
    expect(retryAfterTime('Mon, 30 Nov 2026 11:00:00 GMT', now)).toBe(now + 3_600_000);
  });
  it('takes a date in the past as now, and nothing readable as no header', () => {
    expect(retryAfterTime('Mon, 30 Nov 2026 09:00:00 GMT', now)).toBe(now);
    expect(retryAfterTime('soon', now)).toBeNull();
    expect(retryAfterTime('-5', now)).toBeNull();
    expect(retryAfterTime(null, now)).toBeNull();
  });
});
