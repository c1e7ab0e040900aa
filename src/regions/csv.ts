/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes (`""` → `"`).
 * Returns the records as arrays of fields; a trailing line break ends the last record, it adds none.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (source[i + 1] === '"') field += source[i++];
      else quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      records.push([...record, field]);
      record = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (quoted) throw new SyntaxError('CSV ends inside a quoted field');
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
