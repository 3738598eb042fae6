import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.ts'
import { parseRoutesFile } from '../../src/rewrite/routes-file.ts'
import { rewriteUrl } from '../../src/rewrite/rewrite-url.ts'

function rewrite(rules: Record<string, string>, url: string): string | undefined {
  const { rewrites } = parseRoutesFile(rules, 'routes.json')
  const mark = url.indexOf('?')
  return mark === -1
    ? rewriteUrl(rewrites, url, '')
    : rewriteUrl(rewrites, url.slice(0, mark), url.slice(mark))
}

describe('rewriteUrl', () => {
  it.each([
    [{ '/api/*': '/$1' }, '/api/posts/1', '/posts/1'],
    [{ '/api/*': '/$1' }, '/API/posts', '/posts'],
    [{ '/:resource/:id/show': '/:resource/:id' }, '/posts/1/show/', '/posts/1'],
    [
      { '/posts/:category': '/posts?category=:category' },
      '/posts/js?_page=2',
      '/posts?category=js&_page=2',
    ],
    [{ '/p/:id?': '/posts/:id' }, '/p', '/posts/'],
    [{ '/p/:id(\\d+)': '/posts/$1' }, '/p/12', '/posts/12'],
    [{ '/p/:id(\\d+)': '/posts/$1' }, '/p/ab', undefined],
    [{ '/a/*': '/b/$1', '/b/*': '/c/$1' }, '/a/x', '/c/x'],
    [{ '/x': '/posts?_sort=id' }, '/x?_sort=title&q=a', '/posts?_sort=id&q=a'],
    [{ '/to/:where': '/:where/:unknown' }, '/to/posts', '/posts/:unknown'],
    [{ '/api/*': '/$1' }, '/other', undefined],
  ])('%j rewrites %s to %s', (rules, url, expected) => {
    expect(rewrite(rules, url)).toBe(expected)
  })

  it('matches in time linear in the URL, whatever the pattern', () => {
    const { rewrites } = parseRoutesFile({ '/:a-:b-:c-:d-:e/x': '/$1' }, 'routes.json')
    expect(rewriteUrl(rewrites, `/${'-'.repeat(50_000)}`, '')).toBeUndefined()
  })
})

describe('parseRoutesFile', () => {
  it('lists every bad rule', () => {
    let error: unknown
    try {
      parseRoutesFile({ 'api/*': '/$1', '/x': 3, '/ok': '/posts' }, 'routes.json')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).message).toBe('routes.json: invalid routes file')
    const message =
      'must map a path starting with "/" to a path, like "/api/*": "/$1", or a resource to a guard, like "posts": 640'
    expect((error as UserError).issues).toEqual([
      { path: 'api/*', message },
      { path: '/x', message },
    ])
  })

  it("reads json-server-auth's guards apart from the rewrites", () => {
    const file = parseRoutesFile({ posts: 640, users: '600', '/api/*': '/$1' }, 'routes.json')
    expect(file.guards).toEqual({ posts: '640', users: '600' })
    expect(file.rewrites).toHaveLength(1)
    expect(() => parseRoutesFile({ posts: 641 }, 'routes.json')).toThrow(
      'routes.json: invalid routes file',
    )
  })

  it('refuses what is not an object in one line', () => {
    expect(() => parseRoutesFile(['/a'], 'routes.json')).toThrow(
      'routes.json: a routes file is a JSON object like {"/api/*": "/$1"}',
    )
  })
})
