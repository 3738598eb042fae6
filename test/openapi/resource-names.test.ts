import { describe, expect, it } from 'vitest'
import { camelCase, pascalCase, resourceTypeNames } from '../../src/openapi/resource-names.ts'
import { schemaOf } from './load-fixture.ts'

describe('pascalCase and camelCase', () => {
  it.each([
    ['post', 'Post', 'post'],
    ['user-profile', 'UserProfile', 'userProfile'],
    ['user_profile', 'UserProfile', 'userProfile'],
    ['v1.item', 'V1Item', 'v1Item'],
    ['3d-model', 'Resource3dModel', 'resource3dModel'],
    ['~', 'Resource', 'resource'],
  ])('%s gives %s and %s', (name, pascal, camel) => {
    expect([pascalCase(name), camelCase(name)]).toEqual([pascal, camel])
  })
})

describe('resourceTypeNames', () => {
  it('names plural resources by their singular and singular ones as they are', () => {
    const schema = schemaOf({
      resources: {
        posts: {},
        categories: {},
        people: {},
        'user-profiles': {},
        settings: { singular: true },
      },
    })
    expect(Object.fromEntries(resourceTypeNames(schema))).toEqual({
      posts: 'Post',
      categories: 'Category',
      people: 'Person',
      'user-profiles': 'UserProfile',
      settings: 'Settings',
    })
  })

  it('keeps every name and derived name unique and clear of the names documents define', () => {
    const schema = schemaOf({
      resources: {
        posts: {},
        post: { singular: true },
        'post-creates': {},
        errors: {},
        dates: {},
        resources: { singular: true },
      },
    })
    expect(Object.fromEntries(resourceTypeNames(schema))).toEqual({
      posts: 'Post',
      post: 'Post2',
      'post-creates': 'PostCreate2',
      errors: 'Error2',
      dates: 'Date2',
      resources: 'Resources2',
    })
  })
})
