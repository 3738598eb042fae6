import { describe, expect, it } from 'vitest'
import { routeTable, toColonPath } from '../../src/routes/route-table.ts'
import { schemaOf } from '../openapi/load-fixture.ts'

function summary(input: unknown): string[] {
  return routeTable(schemaOf(input)).resources.map(
    (route) =>
      `${route.kind} ${route.path} ${route.methods.join(',')} ${route.relation?.field ?? '-'}`,
  )
}

describe('routeTable', () => {
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

  it('repeats a resource on a path only for a self-reference, one level, and links two refs to one parent by the first', () => {
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
      'list /tasks/{parentId}/tasks get,post parentId',
      'item /tasks/{parentId}/tasks/{taskId} get,put,patch,delete parentId',
      'list /people/{personId}/tasks/{parentId}/tasks get,post parentId',
      'item /people/{personId}/tasks/{parentId}/tasks/{taskId} get,put,patch,delete parentId',
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
    const deepest = routeTable(schema).resources.find(
      (route) => route.path === '/a/{aId}/b/{bId}/c/{cId}',
    )
    expect(deepest).toMatchObject({
      kind: 'item',
      resource: 'c',
      parents: [
        { resource: 'a', param: 'aId' },
        { resource: 'b', param: 'bId', via: { child: 'b', field: 'aId', parent: 'a' } },
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
