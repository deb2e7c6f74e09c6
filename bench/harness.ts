/**
 * A small benchmark harness: modules export benchmarks, `bench/run.ts` runs them and
 * prints one table (name, n, median, p95, throughput) with each result's ratio to its aim.
 */
import path from 'node:path';

export interface BenchContext {
  /** Size of synthetic corpora (`--count`, 100,000 by default). */
  count: number;
  /** Where generated corpora and databases are cached between runs (gitignored). */
  cacheDir: string;
  /** The shared corpora folder, or null when absent (benchmarks needing it are skipped). */
  sharedDir: string | null;
  log(message: string): void;
}

export interface Aim {
  /**
   * What is compared: the median or 95th-percentile time in ms, the throughput in items
   * per second, or a success rate (a fraction, `rate` in the result).
   */
  metric: 'median' | 'p95' | 'throughput' | 'rate';
  target: number;
  /** The aim as people say it, e.g. "≥ 5,000 articles/s". */
  label: string;
}

export interface BenchResult {
  /** One duration in milliseconds per repetition (or one size, with `sampleUnit`). */
  samples: number[];
  /** What a sample is when it is not a duration in milliseconds. */
  sampleUnit?: 'MiB';
  /** Items processed per repetition (articles, queries…). */
  n: number;
  /** What an item is, for the throughput column: "articles". */
  unit: string;
  /** Extra figures worth printing: MB/s, database size… */
  notes?: string[];
  /** For quality benchmarks: the share of items that succeeded, from 0 to 1. */
  rate?: number;
}

export interface Benchmark {
  name: string;
  aim?: Aim;
  /** Returns null when it cannot run here (say, no shared corpus), with a logged reason. */
  run(context: BenchContext): Promise<BenchResult | null>;
}

/** A value made once, on first use, and shared: say, a measurement that fills several rows. */
export function once<A, T>(make: (arg: A) => Promise<T>): (arg: A) => Promise<T> {
  let made: Promise<T> | null = null;
  return (arg) => (made ??= make(arg));
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function formatNumber(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

interface Row {
  name: string;
  n: string;
  median: string;
  p95: string;
  throughput: string;
  aim: string;
  ratio: string;
  notes: string;
}

function formatSample(value: number, unit: BenchResult['sampleUnit']): string {
  return unit === 'MiB' ? `${value.toFixed(1)} MiB` : formatMs(value);
}

export function summarise(benchmark: Benchmark, result: BenchResult): Row {
  const median = percentile(result.samples, 50);
  const sizes = result.sampleUnit !== undefined;
  const throughput = median > 0 ? (result.n / median) * 1000 : Number.POSITIVE_INFINITY;
  const p95 = percentile(result.samples, 95);
  let ratio = '';
  if (benchmark.aim) {
    // Ratio >= 1 means the aim is met, whichever direction is better.
    const { metric, target } = benchmark.aim;
    const achieved: Record<Aim['metric'], number> = {
      median: target / median,
      p95: target / p95,
      throughput: throughput / target,
      rate: (result.rate ?? 0) / target,
    };
    const value = achieved[metric];
    ratio = `${value.toFixed(2)}x ${value >= 1 ? 'met' : 'MISSED'}`;
  }
  return {
    name: benchmark.name,
    n: result.n > 1 ? `${formatNumber(result.n)} ${result.unit} x${result.samples.length}` : `${formatNumber(result.samples.length)} ${result.unit}`,
    median: formatSample(median, result.sampleUnit),
    p95: formatSample(p95, result.sampleUnit),
    // One item a sample is a latency (a keystroke, a launch): a rate of them says nothing
    // more; and a size has no rate at all.
    throughput: result.n > 1 && !sizes ? `${formatNumber(throughput)} ${result.unit}/s` : '',
    aim: benchmark.aim?.label ?? '',
    ratio,
    notes: [...(result.rate === undefined ? [] : [`${(result.rate * 100).toFixed(1)}% found`]), ...(result.notes ?? [])].join('; '),
  };
}

export function table(rows: Row[]): string {
  const headers: Row = { name: 'benchmark', n: 'n', median: 'median', p95: 'p95', throughput: 'throughput', aim: 'aim', ratio: 'vs aim', notes: 'notes' };
  const keys = Object.keys(headers) as (keyof Row)[];
  const widths = keys.map((key) => Math.max(headers[key].length, ...rows.map((row) => row[key].length)));
  const line = (row: Row): string => keys.map((key, i) => row[key].padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function defaultCacheDir(repoRoot: string): string {
  return path.join(repoRoot, '.bench');
}
