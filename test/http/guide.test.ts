import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, memoryMock, send } from '../helpers.ts'

// The seed REST design guide's `cars` API, walked request by request as a client written from it would.
const CARS = new URL('../fixtures/cars.json', import.meta.url).pathname
const JSON_TYPE = 'application/json; charset=utf-8'

const NISSAN = {
  make: 'Nissan',
  model: '240SX',
  year: 1994,
  vin: '1N6AD0CU5AC961553',
  color: 'Violet',
}
const BUICK = {
  make: 'Buick',
  model: 'Lucerne',
  year: 2006,
  vin: '4T1BF3EK8AU335094',
  color: 'Maroon',
}

let mock: Mock
let guideDelete: Mock
beforeAll(async () => {
  mock = await memoryMock({ schema: CARS })
  guideDelete = await memoryMock({ schema: CARS, deleteMode: 'no-content' })
})
beforeEach(async () => {
  await Promise.all([mock.reset(), guideDelete.reset()])
})
afterAll(async () => {
  await Promise.all([mock.close(), guideDelete.close()])
})

async function answer(
  response: Response,
): Promise<{ status: number; type: string | null; body: unknown }> {
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await json(response),
  }
}

describe('success responses', () => {
  it('GET /cars: 200 and a JSON list of cars', async () => {
    const response = await send(mock, 'GET', '/cars')
    const { status, type, body } = await answer(response)
    expect({ status, type }).toEqual({ status: 200, type: JSON_TYPE })
    expect(body).toEqual(mock.store.list('cars'))
    const cars = body as Record<string, unknown>[]
    expect(cars.map((car) => car['id'])).toEqual([1, 2, 3])
    for (const car of cars) {
      expect(Object.keys(car)).toEqual(['id', 'make', 'model', 'year', 'vin', 'color'])
      expect(Number.isInteger(car['year'])).toBe(true)
    }
  })

  it('GET /cars/1: 200 and one car, not wrapped in a list', async () => {
    expect(await answer(await send(mock, 'GET', '/cars/1'))).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: mock.store.get('cars', 1),
    })
  })

  it('POST, PUT, PATCH: 201 then 200, each answering the whole car with its id', async () => {
    const created = await send(mock, 'POST', '/cars', NISSAN)
    expect(created.headers.get('location')).toBe('/cars/4')
    expect(await answer(created)).toEqual({
      status: 201,
      type: JSON_TYPE,
      body: { id: 4, ...NISSAN },
    })

    expect(await answer(await send(mock, 'PUT', '/cars/4', BUICK))).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: { id: 4, ...BUICK },
    })

    const patch = { vin: 'VNKKTUD32FA050307', color: 'Green' }
    expect(await answer(await send(mock, 'PATCH', '/cars/4', patch))).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: { id: 4, ...BUICK, ...patch },
    })
    expect(await json(await send(mock, 'GET', '/cars/4'))).toEqual({ id: 4, ...BUICK, ...patch })
  })

  it('DELETE: 204 No Content with the option the guide prefers', async () => {
    const response = await send(guideDelete, 'DELETE', '/cars/3')
    expect(response.status).toBe(204)
    expect(response.headers.get('content-type')).toBeNull()
    expect(await response.text()).toBe('')
    expect((await send(guideDelete, 'GET', '/cars/3')).status).toBe(404)
  })

  it('DELETE: 200 {} by default, for clients that read a JSON body (JSONPlaceholder)', async () => {
    expect(await answer(await send(mock, 'DELETE', '/cars/3'))).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: {},
    })
  })
})

describe('error responses', () => {
  it('GET /motorcycles: 404 with a JSON error', async () => {
    expect(await answer(await send(mock, 'GET', '/motorcycles'))).toEqual({
      status: 404,
      type: JSON_TYPE,
      body: { error: 'The requested resource was not found: /motorcycles.' },
    })
  })

  it('POST with a missing closing brace: 400', async () => {
    const text = '{\n    "make": "Nissan",\n    "year": 1994,\n    "color": "Violet"\n'
    expect(await answer(await send(mock, 'POST', '/cars', text))).toEqual({
      status: 400,
      type: JSON_TYPE,
      body: {
        error: 'This request was not properly formatted. Please send again.',
        details: [
          {
            path: '',
            message: 'malformed JSON at line 5, column 1: unexpected end of file (missing "}")',
          },
        ],
      },
    })
  })

  it('POST with XML: 415 naming the media type', async () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8" ?>',
      '<car>',
      '    <make>Nissan</make>',
      '    <model>240SX</model>',
      '    <year>1994</year>',
      '    <vin>1N6AD0CU5AC961553</vin>',
      '    <color>Violet</color>',
      '</car>',
    ].join('\n')
    const response = await send(mock, 'POST', '/cars', xml, { 'Content-Type': 'application/xml' })
    expect(await answer(response)).toEqual({
      status: 415,
      type: JSON_TYPE,
      body: { error: 'The application/xml mediatype is not supported.' },
    })
  })

  it('POST with fields the API does not have: 422 with every problem', async () => {
    const body = { make: 'Nissan', model: '240SX', topSpeed: 120, warrantyLength: 10 }
    expect(await answer(await send(mock, 'POST', '/cars', body))).toEqual({
      status: 422,
      type: JSON_TYPE,
      body: {
        error: 'Request had invalid or missing data.',
        details: [
          { path: 'topSpeed', message: 'unknown field "topSpeed"' },
          { path: 'warrantyLength', message: 'unknown field "warrantyLength"' },
          { path: 'year', message: 'is required' },
          { path: 'vin', message: 'is required' },
          { path: 'color', message: 'is required' },
        ],
      },
    })
  })

  it('the 422 example as printed (no comma after 120) is malformed JSON, so 400', async () => {
    const text =
      '{\n    "make": "Nissan",\n    "model": "240SX",\n    "topSpeed": 120\n    "warrantyLength": 10\n}'
    const response = await send(mock, 'POST', '/cars', text)
    expect(await answer(response)).toEqual({
      status: 400,
      type: JSON_TYPE,
      body: {
        error: 'This request was not properly formatted. Please send again.',
        details: [
          {
            path: '',
            message: 'malformed JSON at line 5, column 5: expected "," or "}" but found "\\""',
          },
        ],
      },
    })
  })

  it('POST with a year that is not an integer, or a VIN another car has: 422, then 409', async () => {
    const wrong = await send(mock, 'POST', '/cars', { ...NISSAN, year: '1994' })
    expect(await answer(wrong)).toEqual({
      status: 422,
      type: JSON_TYPE,
      body: {
        error: 'Request had invalid or missing data.',
        details: [{ path: 'year', message: 'must be an integer, not a string' }],
      },
    })
    const vin = mock.store.get('cars', 2)?.['vin']
    const taken = await send(mock, 'POST', '/cars', { ...NISSAN, vin })
    expect(await answer(taken)).toEqual({
      status: 409,
      type: JSON_TYPE,
      body: {
        error: 'Request conflicts with existing data.',
        details: [
          { path: 'vin', message: `must be unique: "${String(vin)}" is already used by cars 2` },
        ],
      },
    })
    expect(mock.store.list('cars')).toHaveLength(3)
  })
})
