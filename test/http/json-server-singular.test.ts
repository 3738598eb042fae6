// json-server 0.17.4's __tests__/server/singular.js and singular-fake.js, over HTTP against
// fauxrest serving the same db (the second with --fake-writes).
import { beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, memoryMock, send } from '../helpers.ts'

const USER = { name: 'foo', email: 'foo@example.com' }

describe('json-server singular.js', () => {
  it('GET /:resource should respond with corresponding resource', async () => {
    const mock = await memoryMock({ schema: { user: { ...USER } } })
    const response = await send(mock, 'GET', '/user')
    expect([response.status, await json(response)]).toEqual([200, USER])
    await mock.close()
  })
})

describe.each([
  ['singular.js', false],
  ['singular-fake.js', true],
])('json-server %s', (_, fakeWrites) => {
  let mock: Mock
  beforeEach(async () => {
    mock = await memoryMock({ schema: { user: { ...USER } }, fakeWrites })
    return () => mock.close()
  })

  // Where the object is afterwards: what was sent, or (fake writes) what it was.
  const kept = (sent: object): object => (fakeWrites ? USER : sent)

  it('POST /:resource should create resource', async () => {
    const user = { name: 'bar' }
    const response = await send(mock, 'POST', '/user', user)
    expect([response.status, await json(response)]).toEqual([201, user])
    expect(mock.store.single('user')).toEqual(kept(user))
  })

  it('PUT /:resource should update resource', async () => {
    const user = { name: 'bar' }
    const response = await send(mock, 'PUT', '/user', user)
    expect([response.status, await json(response)]).toEqual([200, user])
    expect(mock.store.single('user')).toEqual(kept(user))
  })

  it('PATCH /:resource should update resource', async () => {
    const response = await send(mock, 'PATCH', '/user', { name: 'bar' })
    const merged = { name: 'bar', email: 'foo@example.com' }
    expect([response.status, await json(response)]).toEqual([200, merged])
    expect(mock.store.single('user')).toEqual(kept(merged))
  })
})
