import { describe, expect, it } from 'vitest'
import { singularize } from '../../src/schema/singularize.ts'
import { closest, editDistance } from '../../src/schema/suggest.ts'

describe('closest', () => {
  const fields = ['id', 'userId', 'title', 'body', 'optional', 'nullable', 'createdAt']
  it.each([
    ['userid', 'userId'],
    ['usrId', 'userId'],
    ['titel', 'title'],
    ['optinal', 'optional'],
    ['nulable', 'nullable'],
    ['ID', 'id'],
    ['createdat', 'createdAt'],
    ['x', undefined],
    ['zzzzzz', undefined],
    ['completely-different', undefined],
    ['', undefined],
  ])('%s -> %s', (word, expected) => {
    expect(closest(word, fields)).toBe(expected)
  })

  it('prefers the exact-case spelling on a case-insensitive tie', () => {
    expect(closest('username', ['userName', 'username'])).toBe('username')
    expect(closest('userName', ['username', 'userName'])).toBe('userName')
  })

  it('prefers the nearer candidate, then the earlier one', () => {
    expect(closest('cont', ['count', 'con'])).toBe('count')
    expect(closest('ab', ['ac', 'ad'])).toBe('ac')
  })

  it('does not suggest a full rewrite of a short word', () => {
    expect(closest('a', ['b'])).toBeUndefined()
  })
})

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['emial', 'email', 1],
    ['ca', 'abc', 3],
  ])('%s / %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected)
  })
})

describe('singularize', () => {
  it.each([
    ['posts', 'post'],
    ['comments', 'comment'],
    ['categories', 'category'],
    ['boxes', 'box'],
    ['matches', 'match'],
    ['dishes', 'dish'],
    ['addresses', 'address'],
    ['statuses', 'status'],
    ['houses', 'house'],
    ['days', 'day'],
    ['movies', 'movie'],
    ['people', 'person'],
    ['People', 'Person'],
    ['children', 'child'],
    ['series', 'series'],
    ['status', 'status'],
    ['class', 'class'],
    ['analysis', 'analysis'],
    ['data', 'data'],
    ['todos', 'todo'],
    ['photos', 'photo'],
  ])('%s -> %s', (plural, singular) => {
    expect(singularize(plural)).toBe(singular)
  })
})
