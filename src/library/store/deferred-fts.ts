/**
 * Adding a batch's full-text rows in one statement (migration 4), for the refresh and for
 * feed entries alike: inside its transaction a writer runs DEFER_FTS_SQL (the insert
 * trigger stands aside), inserts its articles, runs ADD_FTS_SQL with their rowids as a JSON
 * array, and UNDEFER_FTS_SQL before it commits.
 */
export const DEFER_FTS_SQL = 'INSERT INTO articles_fts_deferred (writer) VALUES (1)';

export const UNDEFER_FTS_SQL = 'DELETE FROM articles_fts_deferred';

export const ADD_FTS_SQL = `
  INSERT INTO articles_fts (rowid, headline, standfirst, body, source, section, cjk_headline, cjk_text)
  SELECT rowid, headline, standfirst, body, source, section, cjk_headline, cjk_text FROM articles
  WHERE rowid IN (SELECT value FROM json_each(?))`;
