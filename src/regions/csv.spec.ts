import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('splits plain records and ignores the trailing line break', () => {
    expect(parseCsv('code,name\n62,Kalimantan Tengah\n')).toEqual([
      ['code', 'name'],
      ['62', 'Kalimantan Tengah'],
    ]);
  });

  it('keeps commas inside quotes', () => {
    expect(parseCsv('12.07.28.1007,12.07.28,"Lubuk Pakam I,II"')).toEqual([
      ['12.07.28.1007', '12.07.28', 'Lubuk Pakam I,II'],
    ]);
  });

  it('turns doubled quotes into one', () => {
    expect(parseCsv('35.13.15.2017,35.13.15,"Soka""an"\n')).toEqual([
      ['35.13.15.2017', '35.13.15', 'Soka"an'],
    ]);
  });

  it('keeps line breaks inside quotes and accepts CRLF between records', () => {
    expect(parseCsv('a,"line one\r\nline two"\r\nb,c\r\n')).toEqual([
      ['a', 'line one\r\nline two'],
      ['b', 'c'],
    ]);
  });

  it('keeps empty fields, including a last empty one', () => {
    expect(parseCsv('a,,\n,b,')).toEqual([
      ['a', '', ''],
      ['', 'b', ''],
    ]);
  });

  it('drops a byte order mark', () => {
    expect(parseCsv('\ufeffcode,name')).toEqual([['code', 'name']]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a,"open')).toThrow(SyntaxError);
  });
});
