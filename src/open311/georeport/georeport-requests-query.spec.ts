import { GeoReportError } from './georeport-error';
import { parseRequestsQuery, searchFilter } from './georeport-requests-query';

const NOW = new Date('2026-09-14T02:00:00Z');
const ID = '58b91eaf-ed88-8635-a0b6-f56e3d9f733e';
const OTHER = '0b3a6a34-5c1f-4e55-9d7e-7f3f2b1d9c10';

const refusal = (query: Record<string, unknown>) => {
  try {
    parseRequestsQuery(query, NOW);
  } catch (error) {
    return error instanceof GeoReportError ? { status: error.status, message: error.message } : error;
  }
  return undefined;
};

describe('GET requests arguments', () => {
  it('defaults to the most recent 90 days, every service and status', () => {
    const query = parseRequestsQuery({}, NOW);
    expect(query).toEqual({
      kind: 'search',
      serviceCodes: [],
      statuses: [],
      from: new Date('2026-06-16T02:00:00Z'),
      to: NOW,
    });
    expect(searchFilter(query as Extract<typeof query, { kind: 'search' }>)).toEqual({
      submittedAt: { $gte: '2026-06-16T02:00:00.000Z', $lte: '2026-09-14T02:00:00.000Z' },
    });
  });

  it('lets ids override every other argument, comma-delimited or repeated', () => {
    expect(parseRequestsQuery({ service_request_id: `${ID},${OTHER}`, status: 'bogus' }, NOW)).toEqual({
      kind: 'ids',
      ids: [ID, OTHER],
    });
    expect(parseRequestsQuery({ service_request_id: [ID, ID] }, NOW)).toEqual({ kind: 'ids', ids: [ID] });
  });

  it('filters by services and statuses, comma-delimited, and by a range of at most 90 days', () => {
    const query = parseRequestsQuery(
      {
        service_code: 'infrastruktur,perhubungan',
        status: ['open'],
        start_date: '2026-09-01T00:00:00+07:00',
        end_date: '2026-09-10T00:00:00Z',
      },
      NOW,
    );
    expect(searchFilter(query as Extract<typeof query, { kind: 'search' }>)).toEqual({
      submittedAt: { $gte: '2026-08-31T17:00:00.000Z', $lte: '2026-09-10T00:00:00.000Z' },
      category: { $in: ['infrastruktur', 'perhubungan'] },
      status: { $in: ['submitted', 'verified', 'in_progress'] },
    });
  });

  it('takes 90 days after a start date alone, and before an end date alone', () => {
    expect(parseRequestsQuery({ start_date: '2026-01-01T00:00:00Z' }, NOW)).toMatchObject({
      to: new Date('2026-04-01T00:00:00Z'),
    });
    expect(parseRequestsQuery({ end_date: '2026-04-01T00:00:00Z' }, NOW)).toMatchObject({
      from: new Date('2026-01-01T00:00:00Z'),
    });
  });

  it.each([
    [{ service_request_id: 'abc' }, /service_request_id "abc" is not a request id/],
    [{ service_request_id: Array(101).fill(ID).join(',') }, /at most 100/],
    [{ service_code: 'jalan' }, /service_code "jalan" is not a service/],
    [{ status: 'pending' }, /status must be open or closed/],
    [{ start_date: 'yesterday' }, /start_date must be one w3 date-time/],
    [{ start_date: ['2026-01-01', '2026-01-02'] }, /start_date must be one/],
    [{ start_date: '2026-01-01', end_date: '2026-05-01' }, /may not span more than 90 days/],
    [{ start_date: '2026-05-01', end_date: '2026-01-01' }, /end_date must not be before start_date/],
    [{ status: { $ne: 'x' } }, /status must be text/],
  ])('refuses %j with a 400 naming the argument', (query, message) =>
    expect(refusal(query)).toEqual({ status: 400, message: expect.stringMatching(message) }),
  );
});
