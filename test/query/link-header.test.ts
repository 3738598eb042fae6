import { describe, expect, it } from 'vitest'
import { linkHeader } from '../../src/query/link-header.ts'

describe('linkHeader', () => {
  it('lists first, prev, next and last, replacing only _page', () => {
    const url = 'http://127.0.0.1:3000/posts?_page=2&_limit=10'
    expect(linkHeader(url, { first: 1, prev: 1, next: 3, last: 5 })).toBe(
      [
        '<http://127.0.0.1:3000/posts?_page=1&_limit=10>; rel="first"',
        '<http://127.0.0.1:3000/posts?_page=1&_limit=10>; rel="prev"',
        '<http://127.0.0.1:3000/posts?_page=3&_limit=10>; rel="next"',
        '<http://127.0.0.1:3000/posts?_page=5&_limit=10>; rel="last"',
      ].join(', '),
    )
  })

  it.each([
    [
      'keeps other parameters as written',
      '/users/1/posts?title_like=%5Esun&_page=2&q=a+b',
      '/users/1/posts?title_like=%5Esun&_page=7&q=a+b',
    ],
    ['appends _page when absent', '/posts?_limit=5', '/posts?_limit=5&_page=7'],
    ['keeps one _page when repeated', '/posts?_page=2&x=1&_page=3', '/posts?_page=7&x=1'],
    ['recognises an encoded _page', '/posts?%5Fpage=2&a=%E0%A4%A', '/posts?_page=7&a=%E0%A4%A'],
    ['drops the fragment', '/posts?_page=2#top', '/posts?_page=7'],
  ])('%s', (_, path, expected) => {
    const url = `http://localhost:3000${path}`
    expect(linkHeader(url, { first: 7, last: 7 })).toBe(
      `<http://localhost:3000${expected}>; rel="first", <http://localhost:3000${expected}>; rel="last"`,
    )
  })
})
