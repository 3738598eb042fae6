import { AppError } from '../../src/errors.ts'
import { createFakerCatalog } from '../../src/generate/faker-catalog.ts'
import type { Id, JsonObject, Row } from '../../src/json.ts'
import { parseSchema } from '../../src/schema/parse-schema.ts'
import type { ResourceSpec, Schema } from '../../src/schema/types.ts'
import type { WriteContext } from '../../src/validate/validate-write.ts'

/** One resource per kind of field a write can get wrong, plus free-form, uuid and singular ones. */
export const SCHEMA_DOCUMENT = {
  resources: {
    users: {
      count: 2,
      fields: {
        name: 'person.fullName',
        email: { faker: 'internet.email', unique: true },
        age: { faker: 'number.int', args: [{ min: 18, max: 90 }] },
        score: { faker: 'number.float', type: 'number' },
        active: 'datatype.boolean',
        plan: { enum: ['free', 'pro'] },
        role: { enum: ['admin', 'editor', 'viewer'], default: 'viewer' },
        bio: { faker: 'lorem.sentence', optional: true },
        nickname: { faker: 'person.firstName', nullable: true },
        address: {
          city: 'location.city',
          geo: {
            lat: { faker: 'location.latitude', type: 'number' },
            lng: { faker: 'location.longitude', type: 'number' },
          },
        },
        tags: { array: 'lorem.word', min: 0, max: 3 },
        codes: {
          array: { faker: 'string.alphanumeric', args: [8], unique: true },
          min: 0,
          max: 3,
        },
        badges: {
          array: { label: 'lorem.word', level: { enum: [1, 2, 3] } },
          min: 0,
          max: 2,
        },
        profile: {
          object: {
            handle: { faker: 'internet.username', unique: true },
            theme: { enum: ['light', 'dark'], default: 'light' },
          },
          optional: true,
        },
        greeting: 'Hello {{person.firstName}}!',
        kind: { value: 'member' },
        managerId: { ref: 'users', nullable: true },
      },
    },
    tokens: { count: 1, id: 'uuid', fields: { userId: { ref: 'users' }, label: 'lorem.word' } },
    notes: { count: 1 },
    settings: {
      singular: true,
      fields: {
        theme: { enum: ['light', 'dark'] },
        size: { faker: 'number.int', args: [{ min: 10, max: 20 }], default: 12 },
      },
    },
  },
}

export const schema: Schema = parse()

function parse(): Schema {
  const result = parseSchema(SCHEMA_DOCUMENT, createFakerCatalog())
  if (!result.ok) throw new Error(`invalid fixture: ${JSON.stringify(result.issues, null, 2)}`)
  return result.schema
}

export function resource(name: string): ResourceSpec {
  const spec = schema.resources.get(name)
  if (spec === undefined) throw new Error(`no resource ${name}`)
  return spec
}

/** A valid create body for users; tests change one thing at a time. */
export const VALID_USER: JsonObject = {
  name: 'Ann Lee',
  email: 'ann@example.com',
  age: 30,
  score: 0.5,
  active: true,
  plan: 'free',
  address: { city: 'Paris', geo: { lat: 48.85, lng: 2.35 } },
  tags: ['a', 'b'],
  codes: ['x1', 'x2'],
  badges: [{ label: 'gold', level: 1 }],
  greeting: 'Hello Ann!',
  kind: 'member',
  managerId: 1,
}

/** The stored items the checks look at: two users (one with a profile handle) and a token. */
export const ROWS: Readonly<Record<string, readonly Row[]>> = {
  users: [
    { ...VALID_USER, id: 1, email: 'one@example.com', role: 'admin', nickname: null },
    {
      ...VALID_USER,
      id: 2,
      email: 'two@example.com',
      role: 'viewer',
      nickname: 'Bo',
      profile: { handle: 'bo', theme: 'dark' },
    },
  ],
  tokens: [{ userId: 1, label: 'a', id: '3f2a3c1e-8b1d-4c1a-9e55-0d1b2c3d4e5f' }],
  notes: [{ id: 1, text: 'hello' }],
}

export function context(currentId?: Id): WriteContext {
  return {
    exists: (name, id) => (ROWS[name] ?? []).some((row) => String(row['id']) === String(id)),
    rows: (name) => ROWS[name] ?? [],
    currentId,
  }
}

/** What `run` throws, as the parts an answer shows; fails when it does not throw an AppError. */
export function thrown(run: () => unknown): { code: string; message: string; details: unknown } {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) {
      return { code: error.code, message: error.message, details: error.details }
    }
    throw error
  }
  throw new Error('expected an AppError')
}
