import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyTableMarkdown } from '../src/keys/key-table.js';
import { repoRoot } from '../kit/shared-dir.js';

describe('README', () => {
  it('lists the keys exactly as the key map binds them', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    // On failure, paste this table into README.md's "Keys" section.
    expect(readme).toContain(keyTableMarkdown());
  });
});
