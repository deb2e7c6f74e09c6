/**
 * A seeded synthetic corpus in the seed article format, for scale tests and benchmarks:
 *
 *   tsx bench/generate.ts --count 100000 --seed 1 --out .bench/corpus-100000
 *
 * Each article has a headline, usually a standfirst, sometimes credit lines and a caption,
 * an `Updated …` dateline, body paragraphs and often an attribution, with lengths close to
 * news stories (about 430 words on average, the BBC corpus has 385). Sections are subfolders. The same count, seed
 * and vocabulary give byte-identical files. The words are real English, drawn with their
 * natural frequencies from the BBC corpus when the shared corpora are present (so search
 * benchmarks meet a realistic, Zipf-shaped vocabulary), else from a built-in list.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from './seeded-random.js';
import { bbcDir } from './shared-dir.js';

const SECTIONS = ['business', 'politics', 'sport', 'tech', 'entertainment', 'world', 'science', 'health'];
const SOURCES = ['Reuters', 'AFP', 'AP', 'TRTWorld and agencies', 'Reuters and AFP', 'Al Jazeera and agencies'];
const AGENCIES = ['Reuters', 'AFP', 'AP', 'Getty Images', 'EPA', 'Anadolu Agency'];
const PEOPLE = ['John Kerry', 'Sergei Lavrov', 'Angela Merkel', 'Emmanuel Macron', 'Theresa May', 'Shinzo Abe', 'Justin Trudeau', 'Narendra Modi', 'Jacinda Ardern', 'Moon Jae-in', 'Recep Tayyip Erdoğan', 'François Hollande'];
const PLACES = ['Geneva', 'Brussels', 'Hangzhou', 'Washington', 'Moscow', 'Ankara', 'Berlin', 'Paris', 'London', 'Tokyo', 'Nairobi', 'São Paulo'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const BUILT_IN_WORDS = `the of and to a in that is was he for it with as his on be at by had are but from or
have an they which one you were her all she there would their we him been has when who will more no if out
so said what up its about into than them can only other new some could time these two may then do first any
my now such like our over man me even most made after also did many before must through back years where much
your way well down should because each just those people how too little state good very make world still own
see men work long get here between both life being under never day same another know while last might us great
old year off come since against go came right used take three states himself few house use during without again
place american around however home small found thought went say part once general high upon school every
government economy market company shares profit bank minister election party vote campaign league match season
player club coach film music award actor album festival technology software internet mobile phone users games
network security data research scientists study health hospital patients doctors police court judge trial
report officials talks deal agreement president council parliament policy tax budget growth prices oil energy
climate weather storm flood border refugees aid conflict ceasefire troops military attack peace summit leaders
diplomats negotiations sanctions trade exports imports currency dollar euro investors analysts quarter sales
revenue earnings firm chief executive board chairman spokesman statement interview television radio newspaper`.split(/\s+/);

interface Vocabulary {
  words: string[];
  /** Cumulative frequencies, for sampling by binary search. */
  cumulative: number[];
  origin: string;
}

function listTextFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTextFiles(full));
    else if (entry.name.endsWith('.txt')) out.push(full);
  }
  return out;
}

/** Real words with their frequencies: from the BBC corpus when present, else the built-in list. */
export function loadVocabulary(corpus: string | null = bbcDir): Vocabulary {
  const counts = new Map<string, number>();
  let origin = 'built-in word list';
  if (corpus !== null && existsSync(corpus)) {
    for (const file of listTextFiles(corpus)) {
      const text = readFileSync(file, 'latin1');
      for (const word of text.match(/[A-Za-z][a-z]+(?:'[a-z]+)?/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    origin = `word frequencies of ${corpus}`;
  }
  if (counts.size < 1000) {
    counts.clear();
    BUILT_IN_WORDS.forEach((word, rank) => counts.set(word, Math.ceil(1000 / (rank + 1))));
    origin = 'built-in word list';
  }
  // Sorted so that the vocabulary does not depend on file-system order.
  const words = [...counts.keys()].sort();
  const cumulative: number[] = [];
  let total = 0;
  for (const word of words) {
    total += counts.get(word) ?? 0;
    cumulative.push(total);
  }
  return { words, cumulative, origin };
}

class Writer {
  constructor(
    readonly random: () => number,
    private readonly vocabulary: Vocabulary,
  ) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  word(): string {
    const { cumulative, words } = this.vocabulary;
    const target = this.random() * (cumulative.at(-1) ?? 1);
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) <= target) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] ?? 'the';
  }

  words(n: number): string[] {
    return Array.from({ length: n }, () => this.word());
  }

  sentence(min = 8, max = 28): string {
    const words = this.words(this.int(min, max));
    const first = words[0] ?? 'the';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    if (this.random() < 0.15) words.splice(this.int(1, words.length - 1), 0, `${this.int(2, 980)}%`);
    const text = words.join(' ');
    return this.random() < 0.1 ? `"${text}," ${this.pick(['he', 'she', 'officials', 'a spokesman'])} said.` : `${text}.`;
  }

  headline(): string {
    const words = this.words(this.int(4, 10));
    return words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** One article in the seed format. */
export function generateArticle(writer: Writer): { section: string; text: string } {
  const year = writer.int(2004, 2024);
  const month = writer.int(0, 11);
  const day = writer.int(1, 28);
  const monthName = MONTHS[month] ?? 'January';
  const blocks: string[] = [writer.headline()];
  const hasStandfirst = writer.random() < 0.8;
  const hasCredits = writer.random() < 0.6;
  if (hasStandfirst) blocks.push([writer.sentence(18, 36)].join(' '));
  if (hasCredits) {
    const agency = writer.pick(AGENCIES);
    blocks.push(writer.random() < 0.5 ? `Photo by: ${agency}` : `Photo by: ${agency}\nPhoto by: ${writer.pick(AGENCIES)}`);
    const a = writer.pick(PEOPLE);
    const b = writer.pick(PEOPLE);
    blocks.push(`${a} (L) and ${b} (R) meet in ${writer.pick(PLACES)} on ${monthName} ${day}, ${year}.`);
  }
  const time = `${pad(writer.int(0, 23))}:${pad(writer.int(0, 59))}`;
  const iso = `${year}-${pad(month + 1)}-${pad(day)}`;
  const dateline = writer.pick([
    `Updated ${monthName.slice(0, 3)} ${day}, ${year}`,
    `Updated ${day} ${monthName} ${year}`,
    `Published ${monthName} ${day}, ${year}`,
    `Updated ${iso} ${time}`,
  ]);
  blocks.push(dateline);
  const paragraphs = writer.int(4, 18);
  for (let i = 0; i < paragraphs; i++) {
    const sentences = Array.from({ length: writer.int(1, 3) }, () => writer.sentence());
    blocks.push(sentences.join(' '));
  }
  if (writer.random() < 0.7) blocks.push(writer.pick(SOURCES));
  return { section: writer.pick(SECTIONS), text: `${blocks.join('\n\n')}\n` };
}

export interface GenerateOptions {
  count: number;
  seed: number;
  out: string;
  vocabulary?: Vocabulary;
}

/** Write `count` articles under `out/<section>/NNNNNN.txt`; returns the bytes written. */
export function generateCorpus(options: GenerateOptions): { files: number; bytes: number; origin: string } {
  const vocabulary = options.vocabulary ?? loadVocabulary();
  const writer = new Writer(seededRandom(options.seed), vocabulary);
  for (const section of SECTIONS) mkdirSync(path.join(options.out, section), { recursive: true });
  let bytes = 0;
  for (let i = 0; i < options.count; i++) {
    const { section, text } = generateArticle(writer);
    const file = path.join(options.out, section, `${String(i).padStart(6, '0')}.txt`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: options.count, bytes, origin: vocabulary.origin };
}
