import { validate } from '@readme/openapi-parser'
import openapiTS, { astToString } from 'openapi-typescript'
import { describe, expect, it } from 'vitest'
import { type JsonObject, type JsonValue, isJsonObject } from '../../src/json.ts'
import { buildOpenApi } from '../../src/openapi/build-openapi.ts'
import { schemaFromData } from '../../src/schema/schema-from-data.ts'
import { compileTs } from '../typegen/compile-ts.ts'
import { EVERY_FEATURE, JSONPLACEHOLDER, firstItems, loadSchema, schemaOf } from './load-fixture.ts'

async function documentFor(file: URL): Promise<JsonObject> {
  const schema = await loadSchema(file)
  return buildOpenApi(schema, { examples: firstItems(schema), serverUrl: 'http://127.0.0.1:3000' })
}

function memo<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => (made ??= { value: make() }).value
}

/** Follows a path of keys, failing the test when one is missing. */
function at(value: JsonValue | undefined, ...keys: string[]): JsonValue {
  let current = value
  for (const key of keys) {
    if (!isJsonObject(current) || !(key in current)) throw new Error(`missing ${keys.join(' > ')}`)
    current = current[key]
  }
  if (current === undefined) throw new Error(`missing ${keys.join(' > ')}`)
  return current
}

function objectAt(value: JsonValue | undefined, ...keys: string[]): JsonObject {
  const found = at(value, ...keys)
  if (!isJsonObject(found)) throw new Error(`not an object: ${keys.join(' > ')}`)
  return found
}

function postProperties(id: JsonObject): JsonObject {
  return { userId: { type: 'integer' }, id, title: { type: 'string' }, body: { type: 'string' } }
}

function operations(document: JsonObject): string[] {
  const lines: string[] = []
  for (const [path, item] of Object.entries(at(document, 'paths') as JsonObject)) {
    for (const [method, operation] of Object.entries(item as JsonObject)) {
      if (method === 'parameters') continue
      lines.push(`${method.toUpperCase()} ${path} ${String(at(operation, 'operationId'))}`)
    }
  }
  return lines
}

function parameterNames(operation: JsonValue): string[] {
  return (at(operation, 'parameters') as JsonObject[]).map((param) =>
    typeof param['$ref'] === 'string'
      ? `$${param['$ref'].split('/').at(-1)}`
      : String(param['name']),
  )
}

describe.each([
  ['the JSONPlaceholder schema', JSONPLACEHOLDER],
  ['a schema using every feature', EVERY_FEATURE],
])('buildOpenApi for %s', (_, file) => {
  it('is a valid OpenAPI 3.1 document without warnings', async () => {
    const document = await documentFor(file)
    expect(document['openapi']).toBe('3.1.0')
    const result = await validate(structuredClone(document) as never)
    expect(result).toMatchObject({ valid: true, warnings: [] })
  })

  it('gives openapi-typescript types that compile and fit the examples', async () => {
    const document = await documentFor(file)
    const types = astToString(await openapiTS(structuredClone(document) as never))
    const example = at(
      document,
      'paths',
      '/posts/{id}',
      'get',
      'responses',
      '200',
      'content',
      'application/json',
      'example',
    )
    const usage = [
      `import type { components, paths } from './api.ts'`,
      `export const post: components['schemas']['Post'] = ${JSON.stringify(example)}`,
      `export type PostsQuery = paths['/posts']['get']['parameters']['query']`,
      `export const bad: components['schemas']['Post'] = { ...post, id: true }`,
    ].join('\n')
    const result = await compileTs({ 'api.ts': types, 'usage.ts': usage })
    // Only the deliberately wrong id fails: the types are precise and everything else compiles.
    expect(result.code).not.toBe(0)
    expect(result.output.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^usage\.ts\(4,\d+\): error TS2322: Type '(true|boolean)' is not assignable to type '(number|string)'\.$/,
      ),
    ])
  })
})

describe('buildOpenApi for JSONPlaceholder', () => {
  const built = memo(() => documentFor(JSONPLACEHOLDER))

  it('lists every route with a stable operationId, top-level first, nested along every ref', async () => {
    const document = await built()
    const ops = operations(document)
    expect(ops.filter((line) => line.startsWith('GET '))).toEqual([
      'GET /users listUsers',
      'GET /users/{id} getUser',
      'GET /posts listPosts',
      'GET /posts/{id} getPost',
      'GET /comments listComments',
      'GET /comments/{id} getComment',
      'GET /albums listAlbums',
      'GET /albums/{id} getAlbum',
      'GET /photos listPhotos',
      'GET /photos/{id} getPhoto',
      'GET /todos listTodos',
      'GET /todos/{id} getTodo',
      'GET /users/{userId}/posts listUserPosts',
      'GET /users/{userId}/posts/{postId} getUserPost',
      'GET /users/{userId}/albums listUserAlbums',
      'GET /users/{userId}/albums/{albumId} getUserAlbum',
      'GET /users/{userId}/todos listUserTodos',
      'GET /users/{userId}/todos/{todoId} getUserTodo',
      'GET /posts/{postId}/comments listPostComments',
      'GET /posts/{postId}/comments/{commentId} getPostComment',
      'GET /albums/{albumId}/photos listAlbumPhotos',
      'GET /albums/{albumId}/photos/{photoId} getAlbumPhoto',
      'GET /users/{userId}/posts/{postId}/comments listUserPostComments',
      'GET /users/{userId}/posts/{postId}/comments/{commentId} getUserPostComment',
      'GET /users/{userId}/albums/{albumId}/photos listUserAlbumPhotos',
      'GET /users/{userId}/albums/{albumId}/photos/{photoId} getUserAlbumPhoto',
      'GET /db getDatabase',
      'GET /_events streamChanges',
      'GET /_sessions listSessions',
      'GET /_sessions/{session} getSession',
    ])
    expect(ops.filter((line) => line.includes(' /posts'))).toEqual([
      'GET /posts listPosts',
      'POST /posts createPost',
      'GET /posts/{id} getPost',
      'PUT /posts/{id} replacePost',
      'PATCH /posts/{id} updatePost',
      'DELETE /posts/{id} deletePost',
      'GET /posts/{postId}/comments listPostComments',
      'POST /posts/{postId}/comments createPostComment',
      'GET /posts/{postId}/comments/{commentId} getPostComment',
      'PUT /posts/{postId}/comments/{commentId} replacePostComment',
      'PATCH /posts/{postId}/comments/{commentId} updatePostComment',
      'DELETE /posts/{postId}/comments/{commentId} deletePostComment',
    ])
    expect(ops.slice(-4)).toEqual([
      'GET /_events streamChanges',
      'GET /_sessions listSessions',
      'GET /_sessions/{session} getSession',
      'DELETE /_sessions/{session} deleteSession',
    ])
    expect(new Set(ops.map((line) => line.split(' ')[2])).size).toBe(ops.length)
  })

  it('describes Post, PostCreate and PostUpdate field by field', async () => {
    const document = await built()
    const schemas = at(document, 'components', 'schemas')
    expect(at(schemas, 'Post')).toEqual({
      type: 'object',
      description: 'An item of `/posts`.',
      properties: postProperties({ type: 'integer', description: 'The item id.' }),
      required: ['id', 'userId', 'title', 'body'],
    })
    expect(at(schemas, 'PostCreate')).toEqual({
      type: 'object',
      description: 'The body to create or replace an item of `/posts`.',
      properties: postProperties({
        type: 'integer',
        description: 'Optional: the server assigns the next id; an id already in use is a 409.',
      }),
      required: ['userId', 'title', 'body'],
      additionalProperties: false,
    })
    expect(at(schemas, 'PostUpdate')).toEqual({
      type: 'object',
      description: 'The body to update an item of `/posts` (merged).',
      properties: postProperties({
        type: 'integer',
        description: 'Ignored: an item id never changes.',
      }),
      additionalProperties: false,
    })
  })

  it('documents the whole query language on lists and the shaping parameters on items', async () => {
    const document = await built()
    expect(parameterNames(at(document, 'paths', '/posts', 'get'))).toEqual([
      '$q',
      '_sort',
      '$_order',
      '$_page',
      '$_limit',
      '$_per_page',
      '$_start',
      '$_end',
      '$_where',
      '_embed',
      '_expand',
      '_select',
      '$_delay',
      '$_status',
      '$Fauxrest-Session',
      'id',
      'id_gte',
      'id_lte',
      'userId',
      'title',
      'title_like',
      'body',
      'body_like',
      'filters',
      '$If-None-Match',
    ])
    // The nested route fills userId from its path, so it offers no userId filter.
    expect(parameterNames(at(document, 'paths', '/users/{userId}/posts', 'get'))).not.toContain(
      'userId',
    )
    expect(parameterNames(at(document, 'paths', '/posts/{id}', 'get'))).toEqual([
      '_embed',
      '_expand',
      '_select',
      '$_delay',
      '$_status',
      '$Fauxrest-Session',
      '$If-None-Match',
    ])
    const list = at(document, 'paths', '/users', 'get', 'parameters') as JsonObject[]
    expect(list.find((param) => param['name'] === 'address.geo.lat')).toEqual({
      name: 'address.geo.lat',
      in: 'query',
      required: false,
      description:
        'Items whose `address.geo.lat` equals this value; repeat the parameter for any of several values.',
      schema: { type: 'array', items: { type: 'string' } },
      style: 'form',
      explode: true,
    })
    expect(list.find((param) => param['name'] === '_embed')).toMatchObject({
      schema: { type: 'array', items: { type: 'string', enum: ['posts', 'albums', 'todos'] } },
      explode: true,
    })
  })

  it('answers with headers, examples and shared error responses', async () => {
    const document = await built()
    const schema = await loadSchema(JSONPLACEHOLDER)
    const firstPost = firstItems(schema)('posts')
    const list = at(document, 'paths', '/posts', 'get', 'responses')
    expect(Object.keys(list as JsonObject)).toEqual(['200', '304', '400', 'default'])
    expect(Object.keys(objectAt(list, '200', 'headers'))).toEqual(['X-Total-Count', 'Link', 'ETag'])
    expect(at(list, '200', 'content', 'application/json', 'example')).toEqual([firstPost])
    const create = at(document, 'paths', '/posts', 'post')
    expect(Object.keys(objectAt(create, 'responses'))).toEqual([
      '201',
      '400',
      '405',
      '409',
      '413',
      '415',
      '422',
      '503',
      'default',
    ])
    expect(at(create, 'responses', '201', 'headers', 'Location')).toEqual({
      $ref: '#/components/headers/Location',
    })
    const body = Object.fromEntries(Object.entries(firstPost ?? {}).filter(([key]) => key !== 'id'))
    expect(at(create, 'requestBody', 'content', 'application/json', 'example')).toEqual(body)
    const remove = at(document, 'paths', '/posts/{id}', 'delete', 'responses')
    expect(at(remove, '200', 'content', 'application/json')).toEqual({
      schema: { type: 'object', maxProperties: 0 },
      example: {},
    })
    expect(Object.keys(remove as JsonObject)).toEqual([
      '200',
      '400',
      '404',
      '405',
      '412',
      '503',
      'default',
    ])
    expect(
      at(
        document,
        'components',
        'responses',
        'UnprocessableContent',
        'content',
        'application/json',
      ),
    ).toEqual({
      schema: { $ref: '#/components/schemas/Error' },
      example: {
        error: 'Request had invalid or missing data.',
        details: [{ path: 'title', message: 'is required' }],
      },
    })
    expect(at(document, 'servers')).toEqual([{ url: 'http://127.0.0.1:3000' }])
  })
})

describe('buildOpenApi for a schema using every feature', () => {
  const built = memo(() => documentFor(EVERY_FEATURE))

  it('types path parameters by the id strategy of the resource they name', async () => {
    const document = await built()
    const path = '/users/{userId}/posts/{postId}/comments/{commentId}/reactions/{reactionId}'
    expect(at(document, 'paths', path, 'parameters')).toEqual([
      {
        name: 'userId',
        in: 'path',
        required: true,
        description: 'The id of the parent item of `/users`.',
        schema: { type: 'string', format: 'uuid' },
      },
      {
        name: 'postId',
        in: 'path',
        required: true,
        description: 'The id of the parent item of `/posts`.',
        schema: { type: 'string', minLength: 1 },
      },
      {
        name: 'commentId',
        in: 'path',
        required: true,
        description: 'The id of the parent item of `/comments`.',
        schema: { type: 'integer' },
      },
      {
        name: 'reactionId',
        in: 'path',
        required: true,
        description: 'The id of the item of `/reactions`.',
        schema: { type: 'integer' },
      },
    ])
    expect(at(document, 'paths', '/notes/{id}', 'parameters')).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The id of the item of `/notes`.',
        schema: { type: ['integer', 'string'] },
      },
    ])
  })

  it('nests along every ref at every depth, never back into a resource on the path but once into itself', async () => {
    const paths = Object.keys(objectAt(await built(), 'paths'))
    expect(paths.filter((path) => path.endsWith('reactions'))).toEqual([
      '/reactions',
      '/comments/{commentId}/reactions',
      '/users/{userId}/comments/{commentId}/reactions',
      '/posts/{postId}/comments/{commentId}/reactions',
      '/users/{userId}/posts/{postId}/comments/{commentId}/reactions',
    ])
    expect(paths.filter((path) => path.startsWith('/categories'))).toEqual([
      '/categories',
      '/categories/{id}',
      '/categories/{parentId}/categories',
      '/categories/{parentId}/categories/{categoryId}',
    ])
    expect(at(await built(), 'paths', '/profile')).toEqual(
      expect.objectContaining({
        get: expect.anything(),
        put: expect.anything(),
        patch: expect.anything(),
      }),
    )
    expect(Object.keys(objectAt(await built(), 'paths', '/meta'))).toEqual([
      'get',
      'post',
      'put',
      'patch',
    ])
  })

  it('maps every field kind and modifier to JSON Schema', async () => {
    const user = at(await built(), 'components', 'schemas', 'User')
    expect(at(user, 'properties')).toEqual({
      id: { type: 'string', format: 'uuid', description: 'The item id.' },
      name: { type: 'string' },
      email: { type: 'string', format: 'email' },
      website: { type: 'string', format: 'uri' },
      avatar: { type: 'string', format: 'uri' },
      age: { type: 'integer' },
      score: { type: 'number' },
      active: { type: 'boolean' },
      role: { type: 'string', enum: ['admin', 'editor', 'viewer'], default: 'viewer' },
      level: { type: ['integer', 'null'], enum: [1, 2, 3, null] },
      mixed: { enum: ['a', 1, true] },
      bio: { type: 'string' },
      nickname: { type: ['string', 'null'] },
      birthday: { type: 'string', format: 'date-time' },
      greeting: { type: 'string' },
      kind: { type: 'string' },
      visits: { type: 'string' },
      picks: { type: 'array', items: {} },
      address: {
        type: 'object',
        properties: {
          city: { type: 'string' },
          geo: {
            type: 'object',
            properties: { lat: { type: 'number' }, lng: { type: 'string' } },
            required: ['lat', 'lng'],
          },
        },
        required: ['city', 'geo'],
      },
      settings: {
        type: ['object', 'null'],
        properties: {
          theme: { type: 'string', enum: ['light', 'dark'] },
          beta: { type: 'boolean' },
        },
        required: ['theme', 'beta'],
      },
      tags: { type: 'array', items: { type: 'string' } },
      links: {
        type: 'array',
        items: {
          type: 'object',
          properties: { label: { type: 'string' }, href: { type: 'string', format: 'uri' } },
          required: ['label', 'href'],
        },
      },
      ratings: { type: 'array', items: { type: 'integer', enum: [1, 2, 3, 4, 5] } },
    })
    const everyField = Object.keys(objectAt(user, 'properties'))
    expect(at(user, 'required')).toEqual(
      everyField.filter((name) => name !== 'bio' && name !== 'ratings'),
    )
  })

  it('requires on create what is not optional, nullable or defaulted, and nothing on update', async () => {
    const schemas = at(await built(), 'components', 'schemas')
    expect(at(schemas, 'UserCreate', 'required')).toEqual([
      'name',
      'email',
      'website',
      'avatar',
      'age',
      'score',
      'active',
      'mixed',
      'birthday',
      'greeting',
      'kind',
      'visits',
      'picks',
      'address',
      'tags',
      'links',
    ])
    expect(at(schemas, 'UserCreate', 'additionalProperties')).toBe(false)
    expect(at(schemas, 'UserCreate', 'properties', 'address', 'additionalProperties')).toBe(false)
    expect(at(schemas, 'UserUpdate')).not.toHaveProperty('required')
    // PATCH replaces a nested object whole, so its fields stay required inside it.
    expect(at(schemas, 'UserUpdate', 'properties', 'address', 'required')).toEqual(['city', 'geo'])
    expect(at(schemas, 'PostCreate', 'required')).toEqual(['authorId', 'title'])
  })

  it('lets a nested POST leave out the ref its path sets', async () => {
    const document = await built()
    const body = at(
      document,
      'paths',
      '/users/{userId}/posts',
      'post',
      'requestBody',
      'content',
      'application/json',
    )
    expect(at(body, 'schema', 'required')).toEqual(['title'])
    expect(at(body, 'example')).not.toHaveProperty('authorId')
    // Where the ref is not required anyway, the plain create body serves.
    const editor = at(
      document,
      'paths',
      '/users/{userId}/comments',
      'post',
      'requestBody',
      'content',
      'application/json',
      'schema',
    )
    expect(editor).toEqual({ $ref: '#/components/schemas/CommentCreate' })
  })

  it('documents 409 on DELETE only where child items restrict it', async () => {
    const document = await built()
    const deletes = (path: string): string[] =>
      Object.keys(objectAt(document, 'paths', path, 'delete', 'responses'))
    expect(deletes('/comments/{id}')).toContain('409')
    expect(deletes('/posts/{postId}/comments/{commentId}')).toContain('409')
    expect(deletes('/posts/{id}')).not.toContain('409')
  })

  it('documents free-form and singular resources and the whole database', async () => {
    const schemas = at(await built(), 'components', 'schemas')
    expect(at(schemas, 'Note')).toEqual({
      type: 'object',
      description: 'An item of `/notes`.',
      additionalProperties: true,
      properties: { id: { type: ['integer', 'string'], description: 'The item id.' } },
      required: ['id'],
    })
    expect(at(schemas, 'MetaUpdate')).toEqual({
      type: 'object',
      description: 'The body to update `/meta` (merged).',
      additionalProperties: true,
    })
    expect(at(schemas, 'Profile')).toEqual({
      type: 'object',
      description: '`/profile`.',
      properties: { name: { type: 'string' }, theme: { type: 'string', enum: ['light', 'dark'] } },
      required: ['name', 'theme'],
    })
    expect(at(schemas, 'Database', 'properties', 'profile')).toEqual({
      $ref: '#/components/schemas/Profile',
    })
    expect(at(schemas, 'Database', 'properties', 'notes')).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/Note' },
    })
  })

  it('takes any id for a free-form resource, whatever its id strategy, as the server does', () => {
    const document = buildOpenApi(schemaOf({ resources: { things: { id: 'uuid' } } }))
    expect(at(document, 'components', 'schemas', 'Thing', 'properties', 'id')).toEqual({
      type: ['integer', 'string'],
      description: 'The item id.',
    })
  })

  it('offers _embed and _expand by relation names', async () => {
    const params = at(await built(), 'paths', '/comments', 'get', 'parameters') as JsonObject[]
    const values = (name: string): JsonValue | undefined =>
      params.find((param) => param['name'] === name)?.['schema']
    expect(values('_embed')).toEqual({
      type: 'array',
      items: { type: 'string', enum: ['reactions', 'post', 'editor'] },
    })
    expect(values('_expand')).toEqual({
      type: 'array',
      items: { type: 'string', enum: ['post', 'editor'] },
    })
  })
})

describe('buildOpenApi for a plain json-server database', () => {
  const schema = schemaFromData({
    posts: [{ id: 1, title: 'a' }],
    comments: [{ id: 'c1', postId: 1, body: 'b' }],
    profile: { name: 'n' },
  })

  it('is valid, with free-form schemas and nesting inferred from `postId`', async () => {
    const document = buildOpenApi(schema)
    const result = await validate(structuredClone(document) as never)
    expect(result).toMatchObject({ valid: true, warnings: [] })
    expect(Object.keys(objectAt(document, 'paths'))).toEqual([
      '/posts',
      '/posts/{id}',
      '/comments',
      '/comments/{id}',
      '/profile',
      '/posts/{postId}/comments',
      '/posts/{postId}/comments/{commentId}',
      '/db',
      '/_reset',
      '/_events',
      '/_sessions',
      '/_sessions/{session}',
    ])
    expect(at(document, 'components', 'schemas', 'CommentCreate')).toEqual({
      type: 'object',
      description: 'The body to create or replace an item of `/comments`.',
      additionalProperties: true,
      properties: {
        id: {
          type: ['integer', 'string'],
          description: 'Optional: the server assigns the next id; an id already in use is a 409.',
        },
      },
    })
  })
})

describe('buildOpenApi options', () => {
  it.each([
    [
      'empty',
      {
        '200': {
          description: 'Deleted: an empty object.',
          content: {
            'application/json': { schema: { type: 'object', maxProperties: 0 }, example: {} },
          },
        },
      },
    ],
    ['no-content', { '204': { description: 'Deleted; no body.' } }],
    [
      'item',
      {
        '200': {
          description: 'Deleted: the item as it was.',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Post' },
              example: { id: 1, title: 't' },
            },
          },
        },
      },
    ],
  ] as const)('documents DELETE in %s mode', async (deleteMode, success) => {
    const schema = schemaOf({ resources: { posts: { fields: { title: { value: 't' } } } } })
    const document = buildOpenApi(schema, { deleteMode, examples: () => ({ id: 1, title: 't' }) })
    const responses = objectAt(document, 'paths', '/posts/{id}', 'delete', 'responses')
    expect(
      Object.fromEntries(Object.entries(responses).filter(([status]) => status.startsWith('2'))),
    ).toEqual(success)
    expect(await validate(structuredClone(document) as never)).toMatchObject({
      valid: true,
      warnings: [],
    })
  })

  it('documents POST /_reset and the title', async () => {
    const document = buildOpenApi(schemaOf({ resources: { posts: {} } }), { title: 'Shop API' })
    expect(at(document, 'info', 'title')).toBe('Shop API')
    expect(document).not.toHaveProperty('servers')
    const reset = at(document, 'paths', '/_reset', 'post')
    expect(at(reset, 'responses', '200', 'content', 'application/json')).toEqual({
      schema: {
        type: 'object',
        required: ['reset'],
        properties: { reset: { type: 'boolean', const: true } },
      },
      example: { reset: true },
    })
    expect(Object.keys(objectAt(reset, 'responses'))).toEqual([
      '200',
      '400',
      '405',
      '503',
      'default',
    ])
  })

  it('documents GET /_events: its topics, Last-Event-ID and the event stream', async () => {
    const document = buildOpenApi(schemaOf({ resources: { posts: {} } }))
    const events = at(document, 'paths', '/_events', 'get')
    const parameters = (at(events, 'parameters') as { name?: string; in?: string }[]).map(
      (parameter) => parameter.name ?? parameter.in ?? JSON.stringify(parameter),
    )
    expect(parameters.slice(0, 4)).toEqual(['resource', 'id', 'path', 'Last-Event-ID'])
    expect(Object.keys(objectAt(events, 'responses'))).toEqual(['200', '400', '405', 'default'])
    const stream = at(events, 'responses', '200', 'content', 'text/event-stream')
    expect(stream).toMatchObject({ schema: { type: 'string' } })
    expect(String(at(stream, 'example'))).toContain('event: created\ndata: {"resource":"posts"')
    expect(await validate(structuredClone(document) as never)).toMatchObject({
      valid: true,
      warnings: [],
    })
  })
})

describe('buildOpenApi for awkward names', () => {
  const schema = schemaOf({
    resources: {
      'user-profiles': {
        fields: {
          'nick-name': 'person.firstName',
          'a b': 'lorem.word',
          class: 'lorem.word',
          q: 'lorem.word',
          _sort: 'lorem.word',
          title_like: 'lorem.word',
          filters: 'lorem.word',
        },
      },
      'v1.items': { fields: { 'user-profileId': { ref: 'user-profiles' } } },
      '3d-models': { id: 'nanoid', fields: { itemId: { ref: 'v1.items' } } },
      errors: {},
      Resources: { singular: true },
    },
  })

  it('stays valid, with unique parameters and types that compile', async () => {
    const document = buildOpenApi(schema, { examples: firstItems(schema) })
    expect(await validate(structuredClone(document) as never)).toMatchObject({
      valid: true,
      warnings: [],
    })
    expect(Object.keys(objectAt(document, 'paths'))).toContain(
      '/user-profiles/{userProfileId}/v1.items/{v1ItemId}/3d-models/{resource3dModelId}',
    )
    expect(Object.keys(objectAt(document, 'components', 'schemas'))).toContain('Error2')
    const types = astToString(await openapiTS(structuredClone(document) as never))
    expect(await compileTs({ 'api.ts': types })).toEqual({ code: 0, output: '' })
  })
})
