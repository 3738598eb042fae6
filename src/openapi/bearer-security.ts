import type { AuthConfig } from '../auth/auth-config.ts'
import { ruleFor } from '../auth/may-read.ts'
import { isJsonObject, type JsonObject } from '../json.ts'
import { routeTable } from '../routes/route-table.ts'
import type { Schema } from '../schema/types.ts'

const SCHEME = 'bearerAuth'
const WRITES = ['post', 'put', 'patch', 'delete']
const ERROR = { $ref: '#/components/schemas/Error' }

/**
 * The document with auth: a bearer security scheme (so the docs page's Authorize button works),
 * `security`, 401 and 403 on the operations a rule guards, and the register and log-in routes.
 */
export function withBearerSecurity(
  document: JsonObject,
  config: AuthConfig,
  schema: Schema,
): JsonObject {
  const paths = isJsonObject(document['paths']) ? document['paths'] : {}
  for (const [path, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue
    const resource = path
      .split('/')
      .filter((part) => part !== '' && !part.startsWith('{'))
      .at(-1)
    if (resource === undefined || resource.startsWith('_')) continue
    const rule = ruleFor(config, resource)
    for (const [method, operation] of Object.entries(item)) {
      if (!isJsonObject(operation)) continue
      const access = WRITES.includes(method) ? rule.write : method === 'get' ? rule.read : 'anyone'
      if (access === 'anyone') continue
      operation['security'] = [{ [SCHEME]: [] }]
      const responses = isJsonObject(operation['responses']) ? operation['responses'] : {}
      responses['401'] = answer('No valid token: missing, malformed, badly signed or expired.')
      responses['403'] = answer('The token is valid, but the rule says no.')
      operation['responses'] = responses
    }
  }
  // Where the route table has them: a resource of the same name keeps its own operations.
  for (const route of routeTable(schema).ownWith({ auth: true })) {
    if (route.name === 'register' || route.name === 'login') {
      const status = route.name === 'register' ? '201' : '200'
      paths[route.path] = { post: authOperation(config, route.name, status) }
    }
  }
  document['paths'] = paths
  const tags = Array.isArray(document['tags']) ? document['tags'] : []
  tags.push({ name: 'auth', description: 'Registration and log-in (json-server-auth routes).' })
  document['tags'] = tags
  const components = isJsonObject(document['components']) ? document['components'] : {}
  components['securitySchemes'] = {
    [SCHEME]: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'The accessToken that POST /login or POST /register answers.',
    },
  }
  document['components'] = components
  return document
}

function answer(description: string): JsonObject {
  return { description, content: { 'application/json': { schema: ERROR } } }
}

function authOperation(config: AuthConfig, name: 'register' | 'login', status: string): JsonObject {
  const credentials: JsonObject = {
    type: 'object',
    required: [config.login, config.password],
    properties: {
      [config.login]: { type: 'string' },
      [config.password]: { type: 'string', minLength: 4 },
    },
  }
  return {
    tags: ['auth'],
    operationId: name,
    summary:
      name === 'register'
        ? `Register (also /signup, POST /${config.users})`
        : 'Log in (also /signin)',
    requestBody: { required: true, content: { 'application/json': { schema: credentials } } },
    responses: {
      [status]: {
        description:
          'An access token for Authorization: Bearer, and the user (without its password).',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['accessToken', 'user'],
              properties: { accessToken: { type: 'string' }, user: { type: 'object' } },
            },
          },
        },
      },
      '400': answer(
        'Missing or badly shaped credentials, a taken login, an unknown user or a wrong password.',
      ),
    },
  }
}
