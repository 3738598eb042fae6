import { describe, expect, it } from 'vitest'
import type { Row } from '../../src/json.ts'
import { buildIndex, indexInsert, indexRemove, indexReplace } from '../../src/store/indices.ts'

const ids = (rows: readonly Row[] | undefined) => rows?.map((row) => row['id'])

describe('indices', () => {
  const rows: Row[] = [
    { id: 1, userId: 1, tagId: 'a' },
    { id: '2', userId: 2 },
    { id: 3, userId: '1', tagId: null },
    { id: 4, userId: 1, tagId: 'a' },
  ]

  it('indexes ids and foreign keys by their string form, in list order', () => {
    const index = buildIndex(rows, ['userId', 'tagId'], 'id')
    expect([...index.byId.keys()]).toEqual(['1', '2', '3', '4'])
    expect(ids(index.byRef.get('userId')?.get('1'))).toEqual([1, 3, 4])
    expect(ids(index.byRef.get('tagId')?.get('a'))).toEqual([1, 4])
    expect([...(index.byRef.get('tagId')?.keys() ?? [])]).toEqual(['a'])
  })

  it('keeps groups in list order through moves, and drops empty groups', () => {
    const list = [...rows]
    const index = buildIndex(list, ['userId'], 'id')
    const position = (row: Row) => list.indexOf(row)
    const moved = { id: 4, userId: 2 }
    list[3] = moved
    indexReplace(index, rows[3] ?? {}, moved, position)
    const back = { id: 1, userId: 2 }
    list[0] = back
    indexReplace(index, rows[0] ?? {}, back, position)
    expect(ids(index.byRef.get('userId')?.get('2'))).toEqual([1, '2', 4])
    expect(ids(index.byRef.get('userId')?.get('1'))).toEqual([3])
    indexRemove(index, rows[2] ?? {})
    expect(index.byRef.get('userId')?.has('1')).toBe(false)
    indexInsert(index, { id: 5, userId: 2 })
    expect(ids(index.byRef.get('userId')?.get('2'))).toEqual([1, '2', 4, 5])
    expect(index.byId.get('4')).toBe(moved)
    expect(index.byId.has('3')).toBe(false)
  })
})
