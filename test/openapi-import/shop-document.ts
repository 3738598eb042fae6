/** A small OpenAPI 3.1 document using the schema features the import maps. */
export function shopDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Shop', version: '1' },
    components: {
      securitySchemes: {
        basic: { type: 'http', scheme: 'basic' },
        key: { type: 'apiKey', in: 'query', name: 'key' },
      },
      schemas: {
        Base: {
          type: 'object',
          required: ['id', 'createdAt'],
          properties: {
            id: { type: 'integer', readOnly: true },
            createdAt: { type: 'string', format: 'date-time', readOnly: true },
          },
        },
        Customer: {
          allOf: [
            { $ref: '#/components/schemas/Base' },
            {
              type: 'object',
              required: ['email', 'tier'],
              properties: {
                email: { type: 'string', format: 'email' },
                firstName: { type: 'string' },
                nickname: { type: ['string', 'null'], maxLength: 8, minLength: 3 },
                tier: { type: 'string', enum: ['gold', 'silver'], default: 'silver' },
                code: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
                age: { type: 'integer', minimum: 18, maximum: 30 },
                secret: { type: 'string', writeOnly: true },
                contact: {
                  oneOf: [
                    {
                      type: 'object',
                      required: ['phone'],
                      properties: { phone: { type: 'string' } },
                    },
                    { type: 'object', properties: { city: { type: 'string' } } },
                  ],
                },
                labels: {
                  type: 'object',
                  additionalProperties: { type: 'integer', minimum: 0, maximum: 9 },
                },
              },
            },
          ],
        },
        Order: {
          type: 'object',
          required: ['total'],
          properties: {
            id: { type: 'string', format: 'uuid', readOnly: true },
            customerId: { type: 'integer' },
            total: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
          },
        },
      },
    },
    paths: {
      '/customers': {
        get: {
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/Customer' } },
                },
              },
            },
          },
        },
        post: {
          security: [{ basic: [] }, { key: [] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Customer' } } },
          },
          responses: {
            '201': {
              description: 'created',
              headers: { 'X-Request-Id': { schema: { type: 'string', format: 'uuid' } } },
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Customer' } },
              },
            },
          },
        },
      },
      '/customers/{customerId}': {
        get: {
          parameters: [
            { name: 'customerId', in: 'path', required: true, schema: { type: 'integer' } },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Customer' } },
              },
            },
            '404': { description: 'none' },
          },
        },
      },
      '/customers/{customerId}/orders': {
        parameters: [
          { name: 'customerId', in: 'path', required: true, schema: { type: 'integer' } },
        ],
        get: {
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/Order' } },
                },
              },
            },
          },
        },
        post: {
          requestBody: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } },
          },
          responses: {
            '201': {
              description: 'created',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } },
            },
            '422': {
              description: 'invalid',
              content: {
                'application/problem+json': {
                  schema: {
                    type: 'object',
                    required: ['title', 'status'],
                    properties: {
                      title: { type: 'string' },
                      status: { type: 'integer' },
                      detail: { type: 'string' },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '/report.xml': {
        get: { responses: { '200': { description: 'xml', content: { 'application/xml': {} } } } },
      },
      '/health': {
        get: { responses: { '500': { description: 'never well' } } },
      },
    },
  }
}
