/**
 * Feed parsing as the parse worker runs it (parseFile: read, hash, sniff, parse with
 * feedsmith, HTML to blocks, rows), on a generated 1,000-entry feed with full HTML
 * content, and on the largest real-world feed in the shared corpus.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFile } from '../src/library/store/parse-file.js';
import type { BenchContext, BenchResult, Benchmark } from './harness.js';

const ENTRIES = 1000;
const REPEATS = 15;

function paragraph(i: number, p: number): string {
  const words = Array.from({ length: 60 }, (_, w) => ['ministers', 'said', 'the', 'talks', 'would', 'continue', 'despite', 'objections'][(i + p + w) % 8]);
  return `<p>${words.join(' ')} <a href="/story/${i}/${p}">more</a> &amp; &#8220;quoted&#8221;.</p>`;
}

/** An RSS 2.0 feed of `entries` items, each with a summary and five paragraphs of content. */
export function generateFeed(entries: number): string {
  const items: string[] = [];
  for (let i = 0; i < entries; i++) {
    const day = new Date(Date.UTC(2016, 8, 6) - i * 3_600_000).toUTCString();
    const content = [paragraph(i, 0), '<ul><li>one point</li><li>another point</li></ul>', paragraph(i, 1), '<blockquote><p>A quote.</p></blockquote>', paragraph(i, 2), '<figure><img src="x.jpg" alt="A picture"><figcaption>Caption</figcaption></figure>', paragraph(i, 3), paragraph(i, 4)].join('');
    items.push(`<item><title>Story ${i}: talks continue</title><link>https://news.example/story/${i}</link><guid>story-${i}</guid>
<pubDate>${day}</pubDate><dc:creator>Reporter ${i % 17}</dc:creator><category>World</category><category>Politics</category>
<description>Summary of story ${i}.</description><content:encoded><![CDATA[${content}]]></content:encoded></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Generated</title><link>https://news.example/</link>${items.join('\n')}</channel></rss>`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Wall time per parse, and the process's CPU time: on a machine shared with other work the
 * wall time includes waiting for a core, the CPU time does not.
 */
function timeParse(file: string, repeats: number): { samples: number[]; entries: number; cpuMs: number } {
  const found = { path: file, root: file, section: null };
  const samples: number[] = [];
  const cpu: number[] = [];
  let entries = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const outcome = parseFile({ file: found, knownHash: null });
    samples.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    if (outcome.kind !== 'feed') throw new Error(`${file}: not parsed as a feed (${outcome.kind})`);
    entries = outcome.rows.length;
  }
  return { samples, entries, cpuMs: median(cpu) };
}

export const benchmarks: readonly Benchmark[] = [
  {
    name: 'feed parse: 1,000 entries with HTML content',
    aim: { metric: 'median', target: 200, label: '≤ 200 ms' },
    async run(context: BenchContext): Promise<BenchResult> {
      const file = path.join(context.cacheDir, 'feed-1000.xml');
      const text = generateFeed(ENTRIES);
      writeFileSync(file, text);
      timeParse(file, 2); // warm up the JIT, as a worker parsing its second feed is
      const { samples, entries, cpuMs } = timeParse(file, REPEATS);
      return { samples, n: entries, unit: 'entries', notes: [`${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB`, `CPU ${cpuMs.toFixed(0)} ms`] };
    },
  },
  {
    name: 'feed parse: giantbomb podcast (730 entries, real)',
    async run(context: BenchContext): Promise<BenchResult | null> {
      if (context.sharedDir === null) {
        context.log('no shared corpora: skipped');
        return null;
      }
      const file = path.join(context.sharedDir, 'corpora', 'feeds', 'real-world', 'giantbomb-podcast.rss');
      timeParse(file, 2);
      const { samples, entries, cpuMs } = timeParse(file, REPEATS);
      return { samples, n: entries, unit: 'entries', notes: [`CPU ${cpuMs.toFixed(0)} ms`] };
    },
  },
];
