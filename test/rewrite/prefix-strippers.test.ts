import { describe, expect, it } from 'vitest'
import { prefixStrippers } from '../../src/rewrite/prefix-strippers.ts'

describe('prefixStrippers', () => {
  it('warns about a rule that takes the --base prefix off, one line each', () => {
    const rules = {
      '/api/*': '/$1',
      '/api': '/',
      '/blog/:id': '/api/posts/:id',
      '/api/old/:id': '/api/posts/:id',
      '/category/:c': '/posts?category=:c',
      posts: 640,
    }
    expect(prefixStrippers(rules, '/api')).toEqual([
      '"/api/*": "/$1" takes off the prefix --base /api adds, so what it rewrites is a 404: drop the rule (--base does its work) or write its target under /api',
      '"/api": "/" takes off the prefix --base /api adds, so what it rewrites is a 404: drop the rule (--base does its work) or write its target under /api',
    ])
  })

  it('says nothing without --base', () => {
    expect(prefixStrippers({ '/api/*': '/$1' }, '')).toEqual([])
  })
})
