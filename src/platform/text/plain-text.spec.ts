import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { normalisedText, PlainText, plainTextProblem } from './plain-text';

class TitledNote {
  @PlainText({ visible: true, maxLength: 10 }) title!: string;
  @PlainText({ multiline: true }) body!: string;
}

const problemsOf = (plain: object) =>
  validateSync(plainToInstance(TitledNote, plain)).flatMap((error) => Object.values(error.constraints ?? {}));

describe('plainTextProblem', () => {
  it.each(['Jalan rusak', 'Résumé 😀', 'بِسْمِ', 'a\u200eb', '١٢٣'])('accepts %j', (text) =>
    expect(plainTextProblem(text, { visible: true })).toBeUndefined(),
  );

  it.each([
    ['\u0000', 'U+0000'],
    ['a\u0007b', 'U+0007'],
    ['a\u007f', 'U+007F'],
    ['a\u0085', 'U+0085'],
    ['line\nbreak', 'U+000A'],
    ['tab\there', 'U+0009'],
  ])('refuses the control character in a single line %j', (text, named) =>
    expect(plainTextProblem(text)).toContain(named),
  );

  it('allows newline and tab in multiline text, nothing else', () => {
    expect(plainTextProblem('one\n\ttwo', { multiline: true })).toBeUndefined();
    expect(plainTextProblem('one\u0000', { multiline: true })).toContain('U+0000');
    expect(plainTextProblem('one\u001b[31m', { multiline: true })).toContain('U+001B');
  });

  it.each(['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'refuses the bidi control %j everywhere',
    (control) => {
      expect(plainTextProblem(`abc${control}def`)).toContain('bidirectional');
      expect(plainTextProblem(`abc${control}def`, { multiline: true })).toContain('bidirectional');
    },
  );

  it.each(['\u2028', '\u2029'])('refuses the separator %j', (separator) =>
    expect(plainTextProblem(`a${separator}b`, { multiline: true })).toContain('newline'),
  );

  it.each(['\ud800', 'a\udfffb', '\udc00\ud800'])('refuses the unpaired surrogate in %j', (text) =>
    expect(plainTextProblem(text)).toContain('surrogate'),
  );

  it.each(['   ', '\u200b\u200b', '\u0301\u0301', '\u3000', '\ufeff', '\u200e'])(
    'refuses %j when visible characters are required',
    (text) => expect(plainTextProblem(text, { visible: true })).toContain('visible characters'),
  );

  it('counts characters, not UTF-16 units', () => {
    expect(plainTextProblem('😀'.repeat(3), { maxLength: 3 })).toBeUndefined();
    expect(plainTextProblem('😀'.repeat(4), { maxLength: 3 })).toContain('at most 3');
  });
});

describe('normalisedText', () => {
  it('composes to NFC', () => expect(normalisedText('Cafe\u0301')).toBe('Caf\u00e9'));

  it('turns CRLF and CR into LF in multiline text only', () => {
    expect(normalisedText('a\r\nb\rc', { multiline: true })).toBe('a\nb\nc');
    expect(normalisedText('a\r\nb')).toBe('a\r\nb');
  });
});

describe('@PlainText', () => {
  it('normalises before it validates and names the field', () => {
    const note = plainToInstance(TitledNote, { title: 'Cafe\u0301', body: 'x\r\ny' });
    expect(note).toEqual({ title: 'Caf\u00e9', body: 'x\ny' });
    expect(validateSync(note)).toEqual([]);
  });

  it('names each failing field in its message', () =>
    expect(problemsOf({ title: '\u200b', body: 'a\u202eb' })).toEqual([
      'title must contain visible characters, not only spaces, invisible characters or combining marks',
      'body must not contain bidirectional overrides or isolates (found U+202E)',
    ]));

  it('refuses a non-string once, as a string', () =>
    expect(problemsOf({ title: 5, body: 'ok' })).toEqual(['title must be a string']));
});
