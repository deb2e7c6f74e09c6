/**
 * Read and starred marks looked up in a library database without opening it as a library:
 * read only, nothing created, migrated or moved aside, so the listing of files that never
 * touches the database keeps that promise. A missing, foreign or damaged file has no marks.
 */
import Database from 'better-sqlite3';
import { APPLICATION_ID } from './migrations.js';

export interface Marks {
  read: boolean;
  starred: boolean;
}

export interface MarksReader {
  marks(id: string): Marks;
  close(): void;
}

const NONE: Marks = { read: false, starred: false };

export function openMarks(file: string): MarksReader {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new Error('not a newsreader library');
    const statement = db.prepare('SELECT read, starred FROM user_state WHERE id = ?');
    const open = db;
    return {
      marks: (id) => {
        const row = statement.get(id) as { read: number; starred: number } | undefined;
        return row === undefined ? NONE : { read: row.read === 1, starred: row.starred === 1 };
      },
      close: () => open.close(),
    };
  } catch {
    db?.close();
    return { marks: () => NONE, close: () => undefined };
  }
}
