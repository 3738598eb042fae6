import { rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.ts'
import { watchFiles } from '../../src/watch/watch-files.ts'
import { tempDirPerTest } from '../helpers.ts'
import { eventually } from './eventually.ts'

const dir = tempDirPerTest()

describe('watchFiles', () => {
  it('reports a file written in place and one replaced by a rename, once each, and no other', async () => {
    const db = join(dir.path, 'db.json')
    const schema = join(dir.path, 'schema.json')
    await writeFile(db, '{}')
    await writeFile(schema, '{}')
    const seen: string[] = []
    dir.closeAfter(watchFiles([db, schema], (path) => seen.push(path), { debounceMs: 100 }))

    // Several events in a burst settle into one call.
    await writeFile(db, '{"a": 1}')
    await writeFile(db, '{"a": 2}')
    await writeFile(join(dir.path, 'other.json'), '{}')
    await eventually(async () => (seen.length > 0 ? true : undefined), 'the in-place write')
    const temp = join(dir.path, '.schema.json.tmp')
    await writeFile(temp, '{"b": 1}')
    await rename(temp, schema)
    await eventually(async () => (seen.length > 1 ? true : undefined), 'the rename')
    expect(seen).toEqual([db, schema])
  })

  it('reports a file created after the watch began', async () => {
    const db = join(dir.path, 'db.json')
    const seen: string[] = []
    dir.closeAfter(watchFiles([db], (path) => seen.push(path), { debounceMs: 10 }))
    await writeFile(db, '{}')
    expect(await eventually(async () => seen[0], 'the new file')).toBe(db)
  })

  it('refuses a folder that does not exist with one clear line', () => {
    const missing = join(dir.path, 'nope', 'db.json')
    expect(() => watchFiles([missing], () => undefined)).toThrow(UserError)
    expect(() => watchFiles([missing], () => undefined)).toThrow(
      `cannot watch ${join(dir.path, 'nope')}:`,
    )
  })
})
