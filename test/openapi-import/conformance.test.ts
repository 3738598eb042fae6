import { afterEach, describe, expect, it } from 'vitest'
import { createMock, type Mock } from '../../src/mock.ts'
import { conformanceChecker } from './conformance-checker.ts'

const PETSTORE = new URL('../fixtures/openapi/petstore.yaml', import.meta.url).pathname
const TRAIN = new URL('../fixtures/openapi/train-travel.yaml', import.meta.url).pathname
const AUTH = { Authorization: 'Bearer walk-token', api_key: 'walk-key' }

type Step = { method: string; path: string; body?: unknown; invalid?: boolean; expect: number }

let mock: Mock | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

/** Sends each step, checks request and answer with the checker, and returns the parsed answers. */
async function walk(
  file: string,
  steps: (previous: unknown[]) => Step | undefined,
): Promise<{ statuses: number[]; violations: string[]; answers: unknown[] }> {
  mock = await createMock({ schema: file })
  const check = await conformanceChecker(file)
  const answers: unknown[] = []
  const statuses: number[] = []
  const violations: string[] = []
  for (let step = steps(answers); step !== undefined; step = steps(answers)) {
    const headers: Record<string, string> = { ...AUTH }
    if (step.body !== undefined) headers['Content-Type'] = 'application/json'
    if (step.invalid === true) headers['x-walk-invalid'] = '1'
    const request = new Request(`http://127.0.0.1${step.path}`, {
      method: step.method,
      headers,
      ...(step.body === undefined ? {} : { body: JSON.stringify(step.body) }),
    })
    const response = await mock.app.request(request.clone())
    violations.push(...(await check(request, response)))
    statuses.push(response.status)
    const text = await response.text()
    answers.push(text === '' ? undefined : JSON.parse(text))
    expect(response.status, `${step.method} ${step.path}: ${text}`).toBe(step.expect)
  }
  return { statuses, violations, answers }
}

describe('conformance walk, checked by openapi-backend', () => {
  it('Swagger Petstore 3.0: lists, creates, reads, updates, deletes and refuses invalid bodies', async () => {
    const pet = {
      name: 'Rex',
      photoUrls: ['https://example.com/rex.png'],
      status: 'available',
      tags: [{ id: 1, name: 'good' }],
    }
    const plan = (a: unknown[]): Step[] => {
      const created = a[1] as { id: number } | undefined
      const user = a[12] as { username: string } | undefined
      return [
        { method: 'GET', path: '/pet/findByStatus?status=available', expect: 200 },
        { method: 'POST', path: '/pet', body: pet, expect: 200 },
        { method: 'GET', path: `/pet/${created?.id}`, expect: 200 },
        {
          method: 'PUT',
          path: '/pet',
          body: { ...pet, id: created?.id, name: 'Rex II', status: 'sold' },
          expect: 200,
        },
        { method: 'GET', path: '/pet/findByTags?tags=good', expect: 200 },
        { method: 'DELETE', path: `/pet/${created?.id}`, expect: 200 },
        { method: 'GET', path: `/pet/${created?.id}`, expect: 404 },
        { method: 'POST', path: '/pet', body: { name: 7 }, invalid: true, expect: 422 },
        {
          method: 'POST',
          path: '/store/order',
          body: { petId: 1, quantity: 2, status: 'placed', complete: false },
          expect: 200,
        },
        { method: 'GET', path: '/store/order/1', expect: 200 },
        { method: 'DELETE', path: '/store/order/1', expect: 200 },
        { method: 'GET', path: '/store/inventory', expect: 200 },
        {
          method: 'POST',
          path: '/user',
          body: { username: 'walker', firstName: 'Wal', email: 'walker@example.com' },
          expect: 200,
        },
        { method: 'GET', path: `/user/${user?.username}`, expect: 200 },
        {
          method: 'PUT',
          path: `/user/${user?.username}`,
          body: { username: 'walker', lastName: 'King' },
          expect: 200,
        },
        { method: 'PUT', path: '/user/walker', body: { username: 5 }, invalid: true, expect: 400 },
        { method: 'GET', path: '/user/login?username=walker&password=secret', expect: 200 },
        { method: 'DELETE', path: '/user/walker', expect: 200 },
        { method: 'GET', path: '/user/walker', expect: 404 },
        { method: 'GET', path: '/pet/abc', invalid: true, expect: 400 },
        { method: 'GET', path: '/pet/findByStatus?status=lost', invalid: true, expect: 400 },
        { method: 'POST', path: '/pet/1?name=Max&status=pending', expect: 200 },
        { method: 'GET', path: '/pet/1', expect: 200 },
      ]
    }
    const { violations, answers } = await walk(PETSTORE, (a) => plan(a)[a.length])
    expect(violations).toEqual([])
    // POST /pet/{petId}?name=&status= updates the stored pet
    expect(answers.at(-1)).toMatchObject({ id: 1, name: 'Max', status: 'pending' })
    // The state behind the answers: the update and the deletes stuck
    const found = (await (
      await mock!.app.request('/pet/findByStatus?status=sold', { headers: AUTH })
    ).json()) as { name: string }[]
    expect(found.some((p) => p.name === 'Rex II')).toBe(false)
  })

  it('Train Travel API 3.1: wrapped lists, 201/204, problem+json errors, declared headers', async () => {
    const plan = (a: unknown[]): Step[] => {
      const created = a[3] as { id: string } | undefined
      const list = a[2] as { data: { id: string }[] } | undefined
      const first = list?.data[0]?.id
      return [
        { method: 'GET', path: '/stations?page=1&limit=5', expect: 200 },
        {
          method: 'GET',
          path: '/trips?origin=efdbb9d1-02c2-4bc3-afb7-6788d8782b1e&destination=b2e783e1-c824-4d63-b37a-d8d698862f1d&date=2024-02-01T09:00:00Z',
          expect: 200,
        },
        { method: 'GET', path: '/bookings?page=1&limit=3', expect: 200 },
        {
          method: 'POST',
          path: '/bookings',
          body: {
            trip_id: 'efdbb9d1-02c2-4bc3-afb7-6788d8782b1e',
            passenger_name: 'Ann Lee',
            has_bicycle: false,
            has_dog: true,
          },
          expect: 201,
        },
        { method: 'GET', path: `/bookings/${created?.id}`, expect: 200 },
        { method: 'POST', path: '/bookings', body: { has_dog: 'yes' }, invalid: true, expect: 400 },
        {
          method: 'POST',
          path: `/bookings/${first}/payment`,
          body: {
            amount: 49.99,
            currency: 'eur',
            source: {
              object: 'card',
              name: 'Ann Lee',
              number: '4242424242424242',
              cvc: '123',
              exp_month: 12,
              exp_year: 2030,
              address_country: 'FR',
            },
          },
          expect: 200,
        },
        {
          method: 'POST',
          path: `/bookings/${first}/payment`,
          body: { amount: -1, currency: 'eur' },
          invalid: true,
          expect: 400,
        },
        { method: 'DELETE', path: `/bookings/${created?.id}`, expect: 204 },
        { method: 'GET', path: `/bookings/${created?.id}`, expect: 404 },
        { method: 'GET', path: '/bookings/not-a-uuid', invalid: true, expect: 400 },
        {
          method: 'GET',
          path: '/trips?origin=efdbb9d1-02c2-4bc3-afb7-6788d8782b1e',
          invalid: true,
          expect: 400,
        },
      ]
    }
    const { violations, answers } = await walk(TRAIN, (a) => plan(a)[a.length])
    expect(violations).toEqual([])
    expect(answers.at(-1)).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      detail:
        'Request had invalid parameters. query parameter destination: is required; query parameter date: is required',
      instance: '/trips',
      status: 400,
    })
  })
})
