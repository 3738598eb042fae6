import type { AuthOptions, Mock } from '../../src/index.ts'
import { json, memoryMock, send } from '../helpers.ts'

/** json-server-auth's test user. */
export const USER = { email: 'jeremy@mail.com', password: '123456', name: 'Jeremy' }

/** A server over a plain db with auth on, as json-server-auth's tests build one. */
export function authMock(db: object, rules: AuthOptions['rules'] = {}): Promise<Mock> {
  return memoryMock({ schema: structuredClone(db), auth: { rules, hashCost: 4 } })
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` }
}

/** Registers a user and returns its bearer header. */
export async function registered(mock: Mock, user: object): Promise<Record<string, string>> {
  const response = await send(mock, 'POST', '/register', user)
  const body = (await json(response)) as { accessToken: string }
  return bearer(body.accessToken)
}

/** A body's text matches, as supertest's `.expect(status, /regex/)` checks it. */
export async function text(response: Response): Promise<string> {
  return response.text()
}
