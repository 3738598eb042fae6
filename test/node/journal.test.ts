import { describe, expect, it } from 'vitest'
import { baseOf, decodeJournal, encodeChanges, encodeHeader } from '../../src/node/journal.ts'
import type { Change } from '../../src/store/change.ts'
import { replayChanges } from '../../src/store/replay-changes.ts'

const CHANGES: Change[] = [
  { op: 'insert', resource: 'posts', row: { id: 3, title: 'c' } },
  { op: 'update', resource: 'posts', row: { id: 1, title: 'A' } },
  { op: 'delete', resource: 'posts', id: 2 },
  { op: 'set', resource: 'profile', value: { name: 'é 中' } },
]
const BASE = baseOf([Buffer.from('{"posts": []}\n')])
const journal = Buffer.concat([encodeHeader(BASE), ...encodeChanges(CHANGES)])

describe('the journal', () => {
  it('reads back the header and every change', () => {
    expect(decodeJournal(journal)).toEqual({ base: BASE, changes: CHANGES, intact: journal.length })
  })

  it('drops a torn tail at every length: the whole lines before it stay', () => {
    const ends = [...journal.keys()].filter((at) => journal[at] === 0x0a).map((at) => at + 1)
    for (let length = 0; length < journal.length; length++) {
      const whole = ends.filter((end) => end <= length)
      const read = decodeJournal(journal.subarray(0, length))
      expect(read.changes).toEqual(CHANGES.slice(0, Math.max(0, whole.length - 1)))
      expect(read.intact).toBe(whole.at(-1) ?? 0)
    }
  })

  it('stops at a line whose checksum does not match', () => {
    const damaged = Buffer.from(journal)
    const third = damaged.indexOf('"delete"')
    damaged[third + 2] = 0x45
    expect(decodeJournal(damaged).changes).toEqual(CHANGES.slice(0, 2))
  })

  it('keeps no previous rows or values: they are for listeners only', () => {
    const told: Change[] = [
      {
        op: 'update',
        resource: 'posts',
        row: { id: 1, title: 'A' },
        previous: { id: 1, title: 'a' },
      },
      { op: 'delete', resource: 'posts', id: 2, previous: { id: 2, title: 'b' } },
      { op: 'set', resource: 'profile', value: { name: 'é 中' }, previous: { name: 'x' } },
    ]
    const lines = encodeChanges(told)
    expect(lines).toEqual(encodeChanges(CHANGES.slice(1)))
    expect(Buffer.concat(lines).includes('previous')).toBe(false)
  })

  it('is no journal without its header', () => {
    expect(decodeJournal(Buffer.concat(encodeChanges(CHANGES)))).toEqual({
      base: undefined,
      changes: [],
      intact: 0,
    })
  })
})

describe('replayChanges', () => {
  const data = () => ({
    posts: [
      { id: 1, title: 'a' },
      { id: 2, title: 'b' },
    ],
    profile: { name: 'x' },
  })
  const after = {
    posts: [
      { id: 1, title: 'A' },
      { id: 3, title: 'c' },
    ],
    profile: { name: 'é 中' },
  }

  it('applies changes in order, updating in place and appending new rows', () => {
    expect(replayChanges(data(), CHANGES)).toEqual(after)
  })

  it('gives the same data when replayed over data that already holds some or all of them', () => {
    for (let done = 0; done <= CHANGES.length; done++) {
      const partly = replayChanges(data(), CHANGES.slice(0, done))
      expect(replayChanges(partly, CHANGES)).toEqual(after)
    }
  })

  it('finds rows by the field the resource is identified by', () => {
    const keyed = { items: [{ key: 'a', n: 1 }] }
    const change: Change = { op: 'update', resource: 'items', row: { key: 'a', n: 2 } }
    expect(replayChanges(keyed, [change], () => 'key')).toEqual({ items: [{ key: 'a', n: 2 }] })
  })
})
