import { describe, expect, it } from 'vitest'
import { listApiRoutes, toColonPath } from '../../src/openapi/api-routes.ts'
import { schemaOf } from './load-fixture.ts'

function summary(input: unknown): string[] {
  return listApiRoutes(schemaOf(input)).map(
    (route) =>
      `${route.kind} ${route.path} ${route.methods.join(',')} ${route.relation?.field ?? '-'}`,
  )
}

describe('listApiRoutes', () => {
  it('gives the top-level routes, then those nested one level deep along every ref, then two', () => {
    expect(
      summary({
        resources: {
          users: {},
          posts: { fields: { userId: { ref: 'users' } } },
          comments: { fields: { postId: { ref: 'posts' } } },
          profile: { singular: true },
        },
      }),
    ).toEqual([
      'list /users get,post -',
      'item /users/{id} get,put,patch,delete -',
      'list /posts get,post -',
      'item /posts/{id} get,put,patch,delete -',
      'list /comments get,post -',
      'item /comments/{id} get,put,patch,delete -',
      'singular /profile get,post,put,patch -',
      'list /users/{userId}/posts get,post userId',
      'item /users/{userId}/posts/{postId} get,put,patch,delete userId',
      'list /posts/{postId}/comments get,post postId',
      'item /posts/{postId}/comments/{commentId} get,put,patch,delete postId',
      'list /users/{userId}/posts/{postId}/comments get,post postId',
      'item /users/{userId}/posts/{postId}/comments/{commentId} get,put,patch,delete postId',
    ])
  })

  it('never repeats a resource on a path and links two refs to one parent by the first', () => {
    expect(
      summary({
        resources: {
          people: {},
          tasks: {
            fields: {
              ownerId: { ref: 'people' },
              reviewerId: { ref: 'people', nullable: true },
              parentId: { ref: 'tasks', optional: true },
            },
          },
        },
      }),
    ).toEqual([
      'list /people get,post -',
      'item /people/{id} get,put,patch,delete -',
      'list /tasks get,post -',
      'item /tasks/{id} get,put,patch,delete -',
      'list /people/{personId}/tasks get,post ownerId',
      'item /people/{personId}/tasks/{taskId} get,put,patch,delete ownerId',
    ])
  })

  it('records the parents of a nested route with their path parameters', () => {
    const schema = schemaOf({
      resources: {
        a: {},
        b: { fields: { aId: { ref: 'a' } } },
        c: { fields: { bId: { ref: 'b' } } },
      },
    })
    const deepest = listApiRoutes(schema).find((route) => route.path === '/a/{aId}/b/{bId}/c/{cId}')
    expect(deepest).toMatchObject({
      kind: 'item',
      resource: 'c',
      parents: [
        { resource: 'a', param: 'aId' },
        { resource: 'b', param: 'bId' },
      ],
      idParam: 'cId',
    })
  })
})

describe('toColonPath', () => {
  it('writes path parameters the way routers do', () => {
    expect(toColonPath('/users/{userId}/posts/{id}')).toBe('/users/:userId/posts/:id')
  })
})
