/**
 * The shapes of the request and response examples of GeoReport v2 (wiki.open311.org/GeoReport_v2) and of
 * Service Discovery (wiki.open311.org/Service_Discovery): every element and field their examples show, in both
 * formats, with placeholder values. The examples suite holds our answers to them, shape for shape.
 */
const S = 'text';

export const SPEC_JSON = {
  discovery: {
    changeset: S,
    contact: S,
    key_service: S,
    endpoints: [{ specification: S, url: S, changeset: S, type: S, formats: [S] }],
  },
  services: [
    { service_code: S, service_name: S, description: S, metadata: true, type: S, keywords: S, group: S },
  ],
  serviceDefinition: {
    service_code: S,
    attributes: [
      {
        variable: true,
        code: S,
        datatype: S,
        required: true,
        datatype_description: null,
        order: 1,
        description: S,
        values: [{ key: 1, name: S }],
      },
    ],
  },
  postResponse: [{ service_request_id: 1, service_notice: S, account_id: null }],
  tokenResponse: [{ service_request_id: 1, token: 1 }],
  requests: [
    {
      service_request_id: 1,
      status: S,
      status_notes: S,
      service_name: S,
      service_code: 1,
      description: null,
      agency_responsible: null,
      service_notice: null,
      requested_datetime: S,
      updated_datetime: S,
      expected_datetime: S,
      address: S,
      address_id: 1,
      zipcode: 1,
      lat: 1.5,
      long: 1.5,
      media_url: S,
    },
  ],
  errors: [{ code: 403, description: S }],
};

const REQUEST_FIELDS =
  '<service_request_id/><status/><status_notes/><service_name/><service_code/><description/>' +
  '<agency_responsible/><service_notice/><requested_datetime/><updated_datetime/><expected_datetime/>' +
  '<address/><address_id/><zipcode/><lat/><long/><media_url/>';

export const SPEC_XML = {
  discovery:
    '<discovery><changeset/><contact/><key_service/><endpoints><endpoint><specification/><url/><changeset/>' +
    '<type/><formats><format/><format/></formats></endpoint></endpoints></discovery>',
  services:
    '<services><service><service_code/><service_name/><description/><metadata/><type/><keywords/><group/>' +
    '</service></services>',
  serviceDefinition:
    '<service_definition><service_code/><attributes><attribute><variable/><code/><datatype/><required/>' +
    '<datatype_description/><order/><description/><values><value><key/><name/></value><value><key/><name/>' +
    '</value></values></attribute></attributes></service_definition>',
  postResponse:
    '<service_requests><request><service_request_id/><service_notice/><account_id/></request></service_requests>',
  tokenResponse: '<service_requests><request><service_request_id/><token/></request></service_requests>',
  requests: `<service_requests><request>${REQUEST_FIELDS}</request><request>${REQUEST_FIELDS}</request></service_requests>`,
  errors: '<errors><error><code/><description/></error></errors>',
};

/** The example POST Service Request's fields (its values replaced with ours by the suite). */
export const SPEC_REQUEST_FIELDS = [
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
] as const;
