import { readFileSync } from 'node:fs';
import { AUTHORIZATION_TABLE } from './authorization-table';
import { ROLES } from './outcomes';
import { SECURITY_DOC } from './render-docs';
import { END_MARKER, renderTable, START_MARKER, withGeneratedSection } from './render-table';
import { operationOf } from './row';

describe('the authorization table', () => {
  it('is what docs/security.md shows (run `npm run docs:authorization` after changing it)', () => {
    const document = readFileSync(SECURITY_DOC, 'utf8');
    expect(document).toBe(withGeneratedSection(document, renderTable(AUTHORIZATION_TABLE)));
  });

  it('names each operation and situation once', () => {
    const names = AUTHORIZATION_TABLE.map((row) => `${operationOf(row)} (${row.situation ?? ''})`);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('gives every caller an outcome, with a reason for each refusal', () => {
    const gaps = AUTHORIZATION_TABLE.flatMap((row) =>
      ROLES.filter((role) => {
        const outcome = row.outcomes[role];
        return outcome === undefined || (outcome.kind !== 'allowed' && outcome.why.trim() === '');
      }).map((role) => `${operationOf(row)} (${row.situation ?? ''}) as ${role}`),
    );
    expect(gaps).toEqual([]);
  });

  it('replaces only what lies between the markers', () => {
    const document = `# Title\n\n${START_MARKER}\nold\n${END_MARKER}\n\nAfter.\n`;
    expect(withGeneratedSection(document, 'new')).toBe(
      `# Title\n\n${START_MARKER}\n\nnew\n\n${END_MARKER}\n\nAfter.\n`,
    );
    expect(() => withGeneratedSection('# No markers\n', 'new')).toThrow(/authorization-table:start/);
  });
});
