/**
 * JSON Schemas for GeoReport v2 answers, written from the specification (OPEN311.md b.2–b.10; the shapes of
 * open311/schema-validation's georeport-v2 schemas: ids and codes are strings, datetimes carry an offset), plus
 * FixMyStreet's request_update. Tests validate every .json answer against them, and every .xml answer after
 * reading it back into the same shape.
 */
const w3cDateTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' };
const optionalText = { type: ['string', 'null'] };

export const discoverySchema = {
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: { type: 'string' }, contact: { type: 'string' }, key_service: { type: 'string' },
    endpoints: {
      type: 'array', minItems: 1,
      items: {
        type: 'object', required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: {
          specification: { type: 'string' }, url: { type: 'string' }, changeset: { type: 'string' },
          type: { enum: ['production', 'test'] },
          formats: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z]+/[a-z0-9.+-]+$' } },
        },
      },
    },
  },
};

export const servicesSchema = {
  type: 'array',
  items: {
    type: 'object', required: ['service_code', 'service_name', 'metadata', 'type'], additionalProperties: false,
    properties: {
      service_code: { type: 'string', minLength: 1 }, service_name: { type: 'string' }, description: { type: 'string' },
      metadata: { type: 'boolean' }, type: { enum: ['realtime', 'batch', 'blackbox'] }, keywords: { type: 'string' }, group: { type: 'string' },
    },
  },
};

export const serviceDefinitionSchema = {
  type: 'object', required: ['service_code', 'attributes'], additionalProperties: false,
  properties: {
    service_code: { type: 'string' },
    attributes: {
      type: 'array',
      items: {
        type: 'object', required: ['variable', 'code', 'datatype', 'required', 'order', 'description'], additionalProperties: false,
        properties: {
          variable: { type: 'boolean' }, code: { type: 'string', minLength: 1 },
          datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' }, datatype_description: optionalText, order: { type: 'integer', minimum: 1 }, description: { type: 'string' },
          values: { type: 'array', items: { type: 'object', required: ['key', 'name'], additionalProperties: false, properties: { key: { type: 'string' }, name: { type: 'string' } } } },
        },
      },
    },
  },
};

export const requestsSchema = {
  type: 'array',
  items: {
    type: 'object', required: ['service_request_id', 'status', 'service_code', 'requested_datetime'], additionalProperties: false,
    properties: {
      service_request_id: { type: 'string', minLength: 1 }, status: { enum: ['open', 'closed'] }, status_notes: optionalText,
      service_name: { type: 'string' }, service_code: { type: 'string' }, description: { type: 'string', maxLength: 4000 },
      agency_responsible: { type: 'string' }, service_notice: { type: 'string' }, requested_datetime: w3cDateTime,
      updated_datetime: w3cDateTime, expected_datetime: w3cDateTime, address: { type: 'string' }, address_id: { type: 'string' },
      zipcode: { type: 'string' }, lat: { type: 'number', minimum: -90, maximum: 90 }, long: { type: 'number', minimum: -180, maximum: 180 },
      media_url: { type: 'string' },
    },
  },
};

export const postResponseSchema = {
  type: 'array', minItems: 1, maxItems: 1,
  items: {
    type: 'object', additionalProperties: false,
    properties: { service_request_id: { type: 'string' }, token: { type: 'string' }, service_notice: { type: 'string' }, account_id: { type: 'string' } },
    // One or the other, never both (b.5).
    oneOf: [{ required: ['service_request_id'], not: { required: ['token'] } }, { required: ['token'], not: { required: ['service_request_id'] } }],
  },
};

export const tokensSchema = {
  type: 'array',
  items: { type: 'object', required: ['token'], additionalProperties: false, properties: { service_request_id: { type: 'string' }, token: { type: 'string' } } },
};

export const updatesSchema = {
  type: 'array',
  items: {
    type: 'object', required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description'], additionalProperties: false,
    properties: {
      update_id: { type: 'string' }, service_request_id: { type: 'string' },
      status: { enum: ['open', 'closed', 'fixed', 'in_progress', 'action_scheduled', 'investigating', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'internal_referral'] },
      updated_datetime: w3cDateTime, description: { type: 'string' }, media_url: { type: 'string' }, external_status_code: { type: 'string' },
    },
  },
};

export const errorsSchema = {
  type: 'array', minItems: 1,
  items: { type: 'object', required: ['code', 'description'], additionalProperties: false, properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } } },
};
