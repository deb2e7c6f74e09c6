/**
 * CJK text, written without spaces between words, is found by any two or more characters
 * it contains: the same in the reader (prefix while typing) and on the command line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.js';
import { SqliteSearcher } from '../../src/search/sqlite-searcher.js';
import { runCli } from '../cli/run-cli.js';
import { fixtureDbFromTexts, type FixtureDb } from './fixture-db.js';

const TEXTS = [
  {
    path: 'economy.txt',
    text: '中国经济增长放缓\n\nUpdated Oct 19, 2016\n\n国家统计局周一公布的数据显示，今年第三季度经济增长率为百分之六。\n\n分析人士认为，这一数字符合预期。\n',
  },
  {
    path: 'trade.txt',
    text: 'Trade talks resume\n\nUpdated Oct 18, 2016\n\n双方表示，贸易谈判将有助于稳定全球经济。\n\n下一轮会谈将于下月举行。\n',
  },
  {
    path: 'tokyo.txt',
    text: '東京の天気\n\nUpdated Oct 17, 2016\n\n明日の東京は晴れるでしょう。オリンピックの準備が進んでいます。\n\n週末は雨の予報です。\n',
  },
  { path: 'seoul.txt', text: '서울 날씨\n\nUpdated Oct 16, 2016\n\n서울은 내일 맑겠습니다.\n\n주말에는 비가 오겠습니다.\n' },
  { path: 'english.txt', text: 'Economy grows\n\nUpdated Oct 15, 2016\n\nThe economy grew in the third quarter.\n\nAnalysts had expected it.\n' },
];

let fixture: FixtureDb;
let engine: SearchEngine;

beforeAll(async () => {
  fixture = await fixtureDbFromTexts(TEXTS);
  engine = new SearchEngine(fixture.dbPath);
});

afterAll(() => {
  engine.close();
  fixture.remove();
});

function found(query: string, prefixLast: boolean): string[] {
  return engine
    .search(query, 20, { prefixLast })
    .hits.map((hit) => fixture.relative(hit.path))
    .sort();
}

describe('CJK search', () => {
  for (const prefixLast of [true, false]) {
    describe(prefixLast ? 'as the reader types' : 'as a whole query', () => {
      it('finds two characters inside longer runs of text, headline first', () => {
        expect(found('经济', prefixLast)).toEqual(['economy.txt', 'trade.txt']);
        expect(engine.search('经济', 20, { prefixLast }).hits.map((hit) => fixture.relative(hit.path))[0]).toBe('economy.txt');
      });

      it('needs the characters next to each other and in order', () => {
        expect(found('经济增长', prefixLast)).toEqual(['economy.txt']);
        expect(found('济经', prefixLast)).toEqual([]);
        expect(found('中经', prefixLast)).toEqual([]);
      });

      it('finds Japanese and Korean text too', () => {
        expect(found('東京', prefixLast)).toEqual(['tokyo.txt']);
        expect(found('オリンピック', prefixLast)).toEqual(['tokyo.txt']);
        expect(found('맑겠', prefixLast)).toEqual(['seoul.txt']);
      });

      it('combines with other words, fields and exclusions', () => {
        expect(found('经济 trade', prefixLast)).toEqual(['trade.txt']);
        expect(found('headline:经济', prefixLast)).toEqual(['economy.txt']);
        expect(found('经济 -增长', prefixLast)).toEqual(['trade.txt']);
        expect(found('经济 OR economy', prefixLast)).toEqual(['economy.txt', 'english.txt', 'trade.txt']);
      });
    });
  }

  it('highlights the characters where they stand inside a run', () => {
    const parsed = engine.search('经济', 20, { prefixLast: true });
    expect(parsed.total).toBe(2);
    const searcher = new SqliteSearcher(fixture.dbPath);
    return searcher
      .search('经济', 20)
      .then((outcome) => {
        expect(outcome.highlight('中国经济增长')).toEqual([[2, 4]]);
        expect(outcome.highlight('经济，经济')).toEqual([
          [0, 2],
          [3, 5],
        ]);
      })
      .finally(() => searcher.close());
  });

  it('offers no did-you-mean for CJK text that is not there', () => {
    expect(engine.search('火星', 20, { prefixLast: false })).toMatchObject({ total: 0, suggestion: null, error: null });
  });
});

describe('newsreader search with CJK text', () => {
  let library: string;

  beforeAll(() => {
    library = mkdtempSync(path.join(tmpdir(), 'newsreader-cjk-cli-'));
    for (const { path: file, text } of TEXTS) writeFileSync(path.join(library, file), text);
  });

  afterAll(() => rmSync(library, { recursive: true, force: true }));

  it('finds the same articles as the reader', async () => {
    const { code, stdout } = await runCli(['search', '经济', library]);
    expect(code).toBe(0);
    const paths = stdout
      .trimEnd()
      .split('\n')
      .map((line) => path.basename(line.split('\t').at(-1) ?? ''));
    expect(paths).toEqual(['economy.txt', 'trade.txt']);
  });
});
