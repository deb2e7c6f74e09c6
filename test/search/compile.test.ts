import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.js';
import { fixtureDbFromTexts, type FixtureDb } from './fixture-db.js';

const texts = [
  {
    path: 'world/syria.txt',
    text: 'US-Russia talks on Syria end without deal\n\nUpdated Sep 6, 2016\n\nKerry and Lavrov met in Geneva.\n\nThe talks on Syria\u00a0on Monday ended with no ceasefire in Aleppo.\n\nReuters\n',
  },
  {
    path: 'world/aleppo.txt',
    text: 'Aleppo siege tightens\n\nUpdated Sep 1, 2016\n\nFighting around the city continued as aid convoys waited.\n\nAFP\n',
  },
  {
    path: 'life/cafe.txt',
    text: 'The café that never closes\n\nUpdated Oct 2, 2016\n\nA Paris café serves coffee all night to nurses and cab drivers.\n',
  },
  {
    path: 'business/profit.txt',
    text: 'Time Warner profit jumps\n\nUpdated Aug 20, 2016\n\nQuarterly profits at the media giant rose as advert sales grew.\n',
  },
  {
    path: 'business/warner.txt',
    text: 'Warner music sale talks\n\nUpdated Aug 25, 2016\n\nThe label is for sale; profit is not the point, time is.\n',
  },
  {
    path: 'business/body-profit.txt',
    text: 'Markets close higher\n\nUpdated Aug 28, 2016\n\nShares rose on hopes of profit at banks; profit hopes lifted miners too.\n',
  },
];

let fixture: FixtureDb;
let engine: SearchEngine;

function paths(query: string, options = {}): string[] {
  const outcome = engine.search(query, 50, options);
  if (outcome.error !== null) throw new Error(outcome.error);
  return outcome.hits.map((h) => fixture.relative(h.path));
}

beforeAll(async () => {
  fixture = await fixtureDbFromTexts(texts);
  engine = new SearchEngine(fixture.dbPath);
});

afterAll(() => {
  engine.close();
  fixture.remove();
});

describe('search against the shared schema', () => {
  it('ANDs words', () => {
    expect(paths('syria aleppo')).toEqual(['world/syria.txt']);
  });

  it('ranks headline matches above body matches', () => {
    expect(paths('profit')[0]).toBe('business/profit.txt');
    expect(paths('profit')).toHaveLength(3);
  });

  it('puts newer first among equal ranks', async () => {
    const twins = await fixtureDbFromTexts([
      { path: 'a.txt', text: 'Storm warning\n\nUpdated Jan 1, 2015\n\nRain due.\n' },
      { path: 'b.txt', text: 'Storm warning\n\nUpdated Jan 1, 2016\n\nRain due.\n' },
    ]);
    const twinEngine = new SearchEngine(twins.dbPath);
    try {
      expect(twinEngine.search('storm', 10).hits.map((h) => twins.relative(h.path))).toEqual(['b.txt', 'a.txt']);
    } finally {
      twinEngine.close();
      twins.remove();
    }
  });

  it('finds exact phrases only in that order', () => {
    expect(paths('"time warner"')).toEqual(['business/profit.txt']);
    expect(paths('"warner time"')).toEqual([]);
  });

  it('excludes words', () => {
    expect(paths('profit -warner').sort()).toEqual(['business/body-profit.txt']);
    expect(paths('talks -"time warner"')).toEqual(expect.arrayContaining(['world/syria.txt', 'business/warner.txt']));
  });

  it('matches either side of OR', () => {
    expect(paths('aleppo OR café').sort()).toEqual(['life/cafe.txt', 'world/aleppo.txt', 'world/syria.txt']);
  });

  it('restricts terms to fields', () => {
    expect(paths('headline:aleppo')).toEqual(['world/aleppo.txt']);
    expect(paths('source:reuters')).toEqual(['world/syria.txt']);
    expect(paths('section:business headline:warner').sort()).toEqual(['business/profit.txt', 'business/warner.txt']);
  });

  it('filters by date', () => {
    expect(paths('after:2016-09-01').sort()).toEqual(['life/cafe.txt', 'world/aleppo.txt', 'world/syria.txt']);
    expect(paths('before:2016-09-01 profit').sort()).toEqual([
      'business/body-profit.txt',
      'business/profit.txt',
      'business/warner.txt',
    ]);
    expect(paths('after:2016-09-02 before:2016-10-01')).toEqual(['world/syria.txt']);
  });

  it('filters by read and starred state', () => {
    const syria = fixture.articles.find((a) => a.path === 'world/syria.txt');
    fixture.setState(syria?.id ?? '', { read: true, starred: true });
    expect(paths('is:read')).toEqual(['world/syria.txt']);
    expect(paths('is:starred aleppo')).toEqual(['world/syria.txt']);
    expect(paths('is:unread aleppo')).toEqual(['world/aleppo.txt']);
    expect(paths('is:unread')).toHaveLength(texts.length - 1);
    expect(paths('is:starred -aleppo')).toEqual([]);
  });

  it('matches the word being typed as a prefix', () => {
    expect(paths('ale', { prefixLast: true })).toEqual(['world/aleppo.txt', 'world/syria.txt']);
    expect(paths('ale')).toEqual([]);
    expect(paths('headline:ale', { prefixLast: true })).toEqual(['world/aleppo.txt']);
  });

  it('ignores case and diacritics: cafe finds café', () => {
    expect(paths('cafe')).toEqual(['life/cafe.txt']);
    expect(paths('CAFÉ')).toEqual(['life/cafe.txt']);
  });

  it('treats NBSP as a space: "syria on" finds Syria\\u00a0on', () => {
    expect(paths('"syria on"')).toEqual(['world/syria.txt']);
  });

  it('counts every match, not only the page', () => {
    const outcome = engine.search('profit', 1);
    expect(outcome.hits).toHaveLength(1);
    expect(outcome.total).toBe(3);
  });

  it('reports a malformed query without results', () => {
    expect(engine.search('"syria', 10)).toMatchObject({ error: 'missing closing quote (")', hits: [], total: 0 });
  });

  it('suggests the closest indexed spelling when nothing matches', () => {
    expect(engine.search('alepo', 10)).toMatchObject({ total: 0, suggestion: 'aleppo' });
    expect(engine.search('Kery talks', 10)).toMatchObject({ total: 0, suggestion: 'kerry talks' });
  });

  it('ranks a broad query among its headline matches, still counting every match', () => {
    const broad = new SearchEngine(fixture.dbPath, { matches: 2, window: 100 });
    try {
      const outcome = broad.search('profit', 1);
      expect(outcome.total).toBe(3);
      expect(outcome.hits.map((h) => fixture.relative(h.path))).toEqual(['business/profit.txt']);
      // Too few headline matches to fill the page: every match is ranked.
      expect(broad.search('profit', 3).hits).toHaveLength(3);
    } finally {
      broad.close();
    }
  });

  it('pages through the ranking: pages asked one by one join up to the whole', () => {
    const names = (query: string, limit: number, offset = 0) => engine.search(query, limit, { offset }).hits.map((h) => fixture.relative(h.path));
    for (const query of ['the', 'is:unread', 'profit OR talks']) {
      const whole = names(query, 10);
      expect(whole.length).toBe(engine.search(query, 10).total);
      const paged = [0, 2, 4].flatMap((offset) => names(query, 2, offset));
      expect(paged).toEqual(whole);
      expect(engine.search(query, 2, { offset: 4 })).toMatchObject({ offset: 4, total: whole.length });
    }
    expect(names('the', 5, 99)).toEqual([]);
  });

  it('pages past the headline matches of a broad query to every other match', () => {
    const broad = new SearchEngine(fixture.dbPath, { matches: 2, window: 100, headlines: 1 });
    try {
      const pages = [0, 1, 2].map((offset) => broad.search('profit', 1, { offset }));
      expect(pages.map((p) => p.total)).toEqual([3, 3, 3]);
      const paths = pages.flatMap((p) => p.hits.map((h) => fixture.relative(h.path)));
      // The one headline match is ranked first; the other two follow.
      expect(paths[0]).toBe('business/profit.txt');
      expect(new Set(paths)).toEqual(new Set(['business/profit.txt', 'business/warner.txt', 'business/body-profit.txt']));
    } finally {
      broad.close();
    }
  });

  it('ranks a broad query among the newest matches when the window is small', () => {
    const broad = new SearchEngine(fixture.dbPath, { matches: 2, window: 1 });
    try {
      const outcome = broad.search('the', 10);
      expect(outcome.total).toBe(5);
      // Only the last added of the five is ranked; the others follow, newest first.
      const paths = outcome.hits.map((h) => fixture.relative(h.path));
      expect(paths[0]).toBe('business/warner.txt');
      expect(new Set(paths).size).toBe(5);
      // Page by page, the same order.
      const paged = [0, 2, 4].flatMap((offset) => broad.search('the', 2, { offset }).hits.map((h) => fixture.relative(h.path)));
      expect(paged).toEqual(paths);
    } finally {
      broad.close();
    }
  });

  it('never lets user text become FTS5 syntax', () => {
    const pieces = fc.constantFrom('"', '-', ' ', 'OR', 'AND', 'NOT', 'NEAR(', ':', 'headline:', '{', '}', '(', ')', '*', '^', '+', 'é', 'a', 'b');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces).map((p) => p.join(''))), fc.boolean(), (query, prefixLast) => {
        const outcome = engine.search(query, 5, { prefixLast });
        expect(outcome.error === null || !outcome.error.startsWith('search failed')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
