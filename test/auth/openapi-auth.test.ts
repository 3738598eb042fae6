import { validate } from '@readme/openapi-parser'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, memoryMock, send } from '../helpers.ts'

let mock: Mock
beforeEach(async () => {
  mock = await memoryMock({
    schema: {
      resources: {
        users: { count: 2, fields: { email: 'internet.email' } },
        notes: { access: 600, fields: { userId: { ref: 'users' }, text: 'lorem.word' } },
        posts: { access: 644, fields: { userId: { ref: 'users' }, title: 'lorem.word' } },
      },
    },
  })
})
afterEach(() => mock.close())

type Operation = { security?: unknown; responses: Record<string, unknown> }
type Document = {
  paths: Record<string, Record<string, Operation>>
  components: { securitySchemes: unknown }
}

it('declares a bearer scheme on guarded operations, and the log-in routes', async () => {
  const document = (await json(await send(mock, 'GET', '/openapi.json'))) as Document
  expect(await validate(structuredClone(document) as never)).toMatchObject({
    valid: true,
    warnings: [],
  })
  expect(document.components.securitySchemes).toEqual({
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'The accessToken that POST /login or POST /register answers.',
    },
  })
  const bearer = [{ bearerAuth: [] }]
  const notes = document.paths['/notes'] ?? {}
  expect(notes['get']?.security).toEqual(bearer)
  expect(Object.keys(notes['get']?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']))
  const posts = document.paths['/posts'] ?? {}
  expect(posts['get']?.security).toBeUndefined()
  expect(posts['post']?.security).toEqual(bearer)
  expect(document.paths['/users/{userId}/notes']?.['get']?.security).toEqual(bearer)
  expect(document.paths['/users']?.['get']?.security).toBeUndefined()
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/login', '/register']))
})
