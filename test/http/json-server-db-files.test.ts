// json-server 0.17.4's __tests__/server/schema-ignore.js and validate-data.js: the db files it
// starts on, and those it refuses.
import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.ts'
import { json, memoryMock, send } from '../helpers.ts'

describe('json-server schema-ignore.js', () => {
  it('doesnt error with $schema node', async () => {
    const user = { name: 'foo', email: 'foo@example.com' }
    const mock = await memoryMock({ schema: { $schema: 'http://some.schema.somewhere/', user } })
    const response = await send(mock, 'GET', '/user')
    expect([response.status, await json(response)]).toEqual([200, user])
    await mock.close()
  })
})

describe('json-server validate-data.js', () => {
  it('should throw an error if data contains /', async () => {
    const failure = memoryMock({ schema: { 'a/b': [] } })
    await expect(failure).rejects.toBeInstanceOf(UserError)
    await expect(failure).rejects.toThrow(
      'schema: "a/b" cannot be a resource name: "/" is not allowed in one',
    )
  })

  it('should throw an error if data is an array', async () => {
    const failure = memoryMock({ schema: [] })
    await expect(failure).rejects.toBeInstanceOf(UserError)
    await expect(failure).rejects.toThrow(
      'schema: a database must be a JSON object of resources, like {"posts": []}; found an array',
    )
  })

  it("shouldn't throw an error", async () => {
    const mock = await memoryMock({ schema: { a: [] } })
    expect((await send(mock, 'GET', '/a')).status).toBe(200)
    await mock.close()
  })
})
