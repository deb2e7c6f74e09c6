import { describe, expect, it } from 'vitest';
import { isBigJob, type RefreshProgress } from '../../src/library/store/refresh.js';

const progress = (phase: RefreshProgress['phase'], total: number, unchanged: number): RefreshProgress => ({
  phase,
  done: 0,
  total,
  added: 0,
  updated: 0,
  removed: 0,
  unchanged,
  bytes: 0,
  restarts: 0,
});

describe('the reader gives V8 its defaults back for a big indexing job', () => {
  it('when a thousand files or more are to be parsed', () => {
    expect(isBigJob(progress('indexing', 100_000, 0))).toBe(true);
    expect(isBigJob(progress('indexing', 2_225, 1_225))).toBe(true);
  });

  it('not for a warm library with a few changed files, nor before the check has counted them', () => {
    expect(isBigJob(progress('indexing', 2_225, 2_000))).toBe(false);
    expect(isBigJob(progress('checking', 100_000, 0))).toBe(false);
    expect(isBigJob(progress('walking', 0, 0))).toBe(false);
  });
});
