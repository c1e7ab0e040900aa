// npm run docs:authorization: writes the authorization table into docs/security.md between its markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTHORIZATION_TABLE } from './authorization-table';
import { renderTable, withGeneratedSection } from './render-table';

export const SECURITY_DOC = join(__dirname, '..', '..', 'docs', 'security.md');

if (require.main === module) {
  const current = readFileSync(SECURITY_DOC, 'utf8');
  const rendered = withGeneratedSection(current, renderTable(AUTHORIZATION_TABLE));
  if (rendered === current) process.stdout.write('docs/security.md: the authorization table is current\n');
  else {
    writeFileSync(SECURITY_DOC, rendered);
    process.stdout.write('docs/security.md: authorization table rewritten\n');
  }
}
