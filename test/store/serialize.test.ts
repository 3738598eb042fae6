import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../../src/json.ts'
import { fileChunks, parseResource, serializeResource } from '../../src/node/serialize.ts'

const text = (data: Record<string, JsonValue>) =>
  Buffer.concat(
    fileChunks(Object.entries(data).map(([k, v]) => [k, serializeResource(v)])),
  ).toString()

describe('serialize', () => {
  it.each([
    [{}],
    [{ users: [] }],
    [{ users: [{ id: 1, tags: ['a\nb'], nested: { x: null } }], profile: {}, 'we"ird': 1 }],
  ])('writes what JSON.stringify(db, null, 2) writes, plus a newline: %j', (data) => {
    expect(text(data)).toBe(`${JSON.stringify(data, null, 2)}\n`)
  })

  it('parses a resource back from its bytes', () => {
    const bytes = serializeResource([{ id: 1, s: '\u00e9' }])
    expect(parseResource(bytes.subarray(0))).toEqual([{ id: 1, s: '\u00e9' }])
  })
})
