import { describe, expect, it } from 'vitest'
import { runMain, type CliRun } from '../cli-main.ts'

const LIBRARY = new URL('../fixtures/library.json', import.meta.url).pathname
const EVERY_FEATURE = new URL('../fixtures/every-feature.json', import.meta.url).pathname

function check(file: string): Promise<CliRun> {
  return runMain('/', ['check', file])
}

describe('fauxrest check', () => {
  it('prints every route it would serve, nested at every depth', async () => {
    expect(await check(LIBRARY)).toEqual({
      code: 0,
      err: '',
      out: [
        `✓ ${LIBRARY}: valid schema, 2 resources`,
        '',
        '  resource  items  id       routes',
        '  authors       2  integer  /authors  /authors/:id  /authors/:authorId/books',
        '  books         4  integer  /books  /books/:id',
        '',
        '  relations',
        '  books.authorId -> authors (onDelete: restrict)',
        '',
        '  13 routes (HEAD wherever GET, OPTIONS everywhere)',
        '  methods               path',
        '  GET POST              /authors',
        '  GET PUT PATCH DELETE  /authors/:id',
        '  GET POST              /books',
        '  GET PUT PATCH DELETE  /books/:id',
        '  GET POST              /authors/:authorId/books',
        '  GET PUT PATCH DELETE  /authors/:authorId/books/:bookId',
        '  GET                   /',
        '  GET                   /docs',
        '  GET                   /openapi.json',
        '  GET                   /db',
        '  POST                  /_reset',
        '  GET                   /_events',
        '  GET                   /_sessions',
        '',
      ].join('\n'),
    })
  })

  it('lists singular resources and routes four levels deep', async () => {
    const { code, out } = await check(EVERY_FEATURE)
    expect(code).toBe(0)
    const lines = out.split('\n')
    expect(lines).toContain('  39 routes (HEAD wherever GET, OPTIONS everywhere)')
    expect(lines).toContain('  GET POST PUT PATCH    /profile')
    expect(lines).toContain('  GET POST              /categories/:parentId/categories')
    expect(lines).toContain(
      '  GET PUT PATCH DELETE  /users/:userId/posts/:postId/comments/:commentId/reactions/:reactionId',
    )
  })
})
