import { loadRegionCatalogue } from '../../regions/region-catalogue';
import { GeoReportError } from './georeport-error';
import { parseFormBody, readRequestForm } from './georeport-form';
import { submissionOf } from './georeport-submission';

const regions = loadRegionCatalogue();
const DESCRIPTION = 'Lubang besar di tengah jalan menuju pasar, sudah dua minggu belum ditambal.';
const base = {
  service_code: 'infrastruktur',
  'attribute[region]': '62.06.02.1003',
  description: DESCRIPTION,
};

const submit = (fields: Record<string, string>) =>
  submissionOf(readRequestForm(parseFormBody(new URLSearchParams(fields).toString())), regions);

const refusal = (fields: Record<string, string> | string) => {
  try {
    if (typeof fields === 'string') submissionOf(readRequestForm(parseFormBody(fields)), regions);
    else submit(fields);
  } catch (error) {
    return error instanceof GeoReportError ? `${error.status} ${error.message}` : error;
  }
  return 'accepted';
};

describe('a POST Service Request as an aspiration', () => {
  it('takes the region attribute, the description as body and its first line as title', () => {
    expect(
      submit({ ...base, lat: '-1.8839', long: '113.4167', address_string: 'Jl. Tjilik Riwut km 2' }),
    ).toEqual({
      category: 'infrastruktur',
      regionCode: '62.06.02.1003',
      title: DESCRIPTION,
      body: `${DESCRIPTION}\n\nLokasi: Jl. Tjilik Riwut km 2\nKoordinat: -1.8839, 113.4167`,
    });
  });

  it('takes a region code in address_id, a title attribute, and keeps the e-mail and phone for attribution', () => {
    const { 'attribute[region]': _region, ...rest } = base;
    expect(
      submit({
        ...rest,
        address_id: '62.06',
        'attribute[title]': 'Jalan berlubang',
        email: 'a@b.id',
        phone: '0812',
      }),
    ).toMatchObject({ regionCode: '62.06', title: 'Jalan berlubang', email: 'a@b.id', phone: '0812' });
  });

  it('cuts a long first line at a word, and falls back on the service name for a short one', () => {
    const long = `${'kata '.repeat(40)}akhir`;
    const title = submit({ ...base, description: long }).title;
    expect([...title].length).toBeLessThanOrEqual(150);
    expect(title).toMatch(/kata…$/);
    expect(submit({ ...base, description: 'ok\nJalan rusak parah sekali' }).title).toBe(
      'Infrastruktur (jalan, jembatan, drainase)',
    );
  });

  it.each([
    [{ description: DESCRIPTION }, /^400 service_code is required/],
    [{ ...base, service_code: 'jalan' }, /^404 service_code jalan is not a service/],
    [{ ...base, 'attribute[region]': '' }, /^400 attribute\[region\] \(or address_id\) is required/],
    [{ ...base, 'attribute[region]': '', lat: '-1.88', long: '113.41' }, /^400 attribute\[region\] \(or/],
    [{ ...base, 'attribute[region]': '99.99' }, /^400 attribute\[region\] "99.99" is not a region code/],
    [{ ...base, address_id: '62.01' }, /^400 attribute\[region\] and address_id name different regions/],
    [{ ...base, address_id: 'JL-12' }, /^400 address_id "JL-12" is not a region code/],
    [{ ...base, lat: '-1.88' }, /^400 lat and long must be sent together/],
    [{ ...base, lat: '91', long: '0' }, /^400 lat must be a WGS84 latitude/],
    [{ ...base, lat: '0', long: '1e2' }, /^400 long must be a WGS84 longitude/],
    [{ ...base, description: 'pendek' }, /^400 description must be at least 10/],
    [{ ...base, description: 'x'.repeat(4001) }, /^400 description must be at most 4000/],
    [
      { ...base, description: `ada\u202eterbalik di sini` },
      /^400 description must not contain bidirectional/,
    ],
    [{ ...base, 'attribute[title]': 'abc' }, /^400 attribute\[title\] must be 5 to 150/],
    [{ ...base, 'attribute[colour]': 'red' }, /^400 attribute\[colour\] is not an attribute of service/],
    [{ ...base, media_url: 'javascript:alert(1)' }, /^400 media_url must be an http or https URL/],
    [{ ...base, first_name: 'a\nb' }, /^400 first_name must be one line/],
  ])('refuses %j', (fields, message) => expect(refusal(fields)).toMatch(message));

  it('refuses a scalar given twice and a single-valued attribute given as a list', () => {
    const form = new URLSearchParams(base).toString();
    expect(refusal(`${form}&service_code=kesehatan`)).toMatch(/^400 service_code is given more than once/);
    expect(refusal(`${form}&attribute[title][]=a&attribute[title][]=b`)).toMatch(
      /^400 attribute\[title\] takes one value/,
    );
    expect(refusal(`${form}${'&x=1'.repeat(64)}`)).toMatch(/^400 A request has at most 64 fields/);
  });
});
