import fc from 'fast-check';
import { toXml, xmlText } from './georeport-xml';

describe('the GeoReport XML writer', () => {
  it('writes lists with the specification’s element names, null as an empty element', () => {
    const xml = toXml('service_requests', [{ service_request_id: 'a-1', status_notes: null, lat: 1.5 }]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<service_requests><request><service_request_id>a-1</service_request_id>' +
        '<status_notes></status_notes><lat>1.5</lat></request></service_requests>\n',
    );
  });

  it('nests the lists of a service definition and of discovery', () => {
    expect(toXml('service_definition', { attributes: [{ values: [{ key: 'k', name: 'n' }] }] })).toContain(
      '<attributes><attribute><values><value><key>k</key><name>n</name></value></values></attribute></attributes>',
    );
    expect(toXml('discovery', { endpoints: [{ formats: ['text/xml'] }] })).toContain(
      '<endpoints><endpoint><formats><format>text/xml</format></formats></endpoint></endpoints>',
    );
  });

  it('refuses a list it has no element name for, rather than invent one', () => {
    expect(() => toXml('things', [1])).toThrow(/No XML element name/);
  });

  it('escapes markup and replaces what XML 1.0 cannot carry (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = xmlText(text);
        expect(escaped).not.toMatch(/[<>\r]/);
        expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;|#13;)/);
        // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
        expect(escaped).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
        expect(escaped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
    );
  });
});
