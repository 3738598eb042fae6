import { describe, expect, it } from 'vitest'
import {
  FormConflict,
  parseFormEntries,
  type FormFields,
} from '../../src/http/request/form-body.ts'
import { formKeyPath } from '../../src/http/request/form-keys.ts'

describe('formKeyPath', () => {
  it.each([
    ['title', undefined],
    ['user[name]', { segments: ['user', 'name'], append: false }],
    ['user.name', { segments: ['user', 'name'], append: false }],
    ['tags[]', { segments: ['tags'], append: true }],
    ['a[b][c]', { segments: ['a', 'b', 'c'], append: false }],
    ['a.b[c].d', { segments: ['a', 'b', 'c', 'd'], append: false }],
    ['items[0][sku]', { segments: ['items', '0', 'sku'], append: false }],
    ['a[b][]', { segments: ['a', 'b'], append: true }],
    ['a[][b]', undefined],
    ['a[b', undefined],
    ['a]b', undefined],
    ['[a]', undefined],
    ['a.', undefined],
    ['a..b', undefined],
    [`k${'[x]'.repeat(40)}`, undefined],
  ])('%j', (key, path) => {
    expect(formKeyPath(key)).toEqual(path)
  })
})

const text: FormFields = () => undefined

describe('parseFormEntries', () => {
  it.each([
    ['a=1&a=2', { a: ['1', '2'] }],
    ['a[]=1', { a: ['1'] }],
    ['a[x]=1&a[y]=2&a[x]=3', { a: { x: ['1', '3'], y: '2' } }],
    ['a[2]=c&a[0]=a&a[1]=b', { a: ['a', 'b', 'c'] }],
    ['a[0][n]=x&a[1][n]=y', { a: [{ n: 'x' }, { n: 'y' }] }],
    ['a[0]=x&a[k]=y', { a: { '0': 'x', k: 'y' } }],
    ['a[b', { 'a[b': '' }],
  ])('%j', (query, body) => {
    expect(parseFormEntries(new URLSearchParams(query), text)).toEqual(body)
  })

  it('keeps a key a field of the resource is named by', () => {
    const fields: FormFields = (key) =>
      key === 'odd[name]' ? { type: 'string', nullable: false } : undefined
    expect(parseFormEntries(new URLSearchParams('odd[name]=x&b[c]=y'), fields)).toEqual({
      'odd[name]': 'x',
      b: { c: 'y' },
    })
  })

  it('types nested values by the fields they reach', () => {
    const fields: FormFields = (key) =>
      key === 'geo'
        ? {
            type: 'object',
            nullable: false,
            fields: (sub) => (sub === 'lat' ? { type: 'number', nullable: false } : undefined),
          }
        : undefined
    expect(parseFormEntries(new URLSearchParams('geo[lat]=1.5&geo[name]=2'), fields)).toEqual({
      geo: { lat: 1.5, name: '2' },
    })
  })

  it('throws a FormConflict for a key given as a value and as an object', () => {
    expect(() => parseFormEntries(new URLSearchParams('a[b]=1&a=2'), text)).toThrow(FormConflict)
    expect(() => parseFormEntries(new URLSearchParams('a=2&a[b]=1'), text)).toThrow(FormConflict)
  })
})
