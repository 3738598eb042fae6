import { describe, expect, it } from 'vitest'
import { DB_SCHEMA, ids, list } from './fixture.ts'

describe('runListQuery filters (resource with fields)', () => {
  it.each<[string, string, number[]]>([
    ['posts', '', [1, 2, 3, 4, 5, 6]],
    ['posts', 'userId=1', [1, 2, 3]],
    ['posts', 'userId=1&userId=3', [1, 2, 3, 6]],
    ['posts', 'userId=01', [1, 2, 3]],
    ['posts', 'userId=1.0', [1, 2, 3]],
    ['posts', 'userId=9', []],
    ['posts', 'id=4', [4]],
    ['posts', 'id=99', []],
    ['posts', 'views_gt=45', [1, 3, 6]],
    ['posts', 'views_gte=45', [1, 2, 3, 4, 6]],
    ['posts', 'views_lt=45', [5]],
    ['posts', 'views_lte=45', [2, 4, 5]],
    ['posts', 'views_gt=10&views_lt=200', [1, 2, 4, 6]],
    ['posts', 'views_gt=10&views_gt=100', [1, 3, 6]],
    ['posts', 'views_ne=45', [1, 3, 5, 6]],
    ['posts', 'views_ne=45&views_ne=120', [3, 5]],
    ['posts', 'views:in=7,300', [3, 5]],
    ['posts', 'views:eq=120', [1, 6]],
    ['posts', 'views:ne=120', [2, 3, 4, 5]],
    ['posts', 'views:gte=120&views:lte=120', [1, 6]],
    ['posts', 'title_gt=p', [1, 2]],
    ['posts', 'title_lt=ea', [6]],
    ['posts', 'title_like=^qui', [2]],
    ['posts', 'title_like=QUI', [2, 6]],
    ['posts', 'title_like=est&title_like=odio', [2, 3, 4, 5]],
    ['posts', 'title_like=^(eum|ea) ', [3, 4]],
    ['posts', 'views_like=^1', [1, 6]],
    ['posts', 'title:contains=EST', [2, 3, 4]],
    ['posts', 'title:startsWith=QUI', [2]],
    ['posts', 'title:endsWith=QUIA', [6]],
    ['posts', 'title:contains=est&title:contains=odio', [2, 3, 4, 5]],
    ['posts', 'tags=news', [1, 4, 6]],
    ['posts', 'tags=news&tags=life', [1, 4, 5, 6]],
    ['posts', 'tags_ne=news', [2, 3, 5]],
    ['posts', 'tags.0=news', [1, 4, 6]],
    ['posts', 'tags.1=life', [6]],
    ['posts', 'tags_like=^te', [1, 2]],
    ['posts', 'subtitle=null', [2]],
    ['posts', 'subtitle=First', [1]],
    ['posts', 'subtitle_ne=First', [2, 3, 4, 5, 6]],
    ['posts', 'subtitle:in=null,First', [1, 2]],
    ['posts', 'is_like=true', [4]],
    ['posts', 'userId=1&views_gt=50', [1, 3]],
    ['posts', 'q=quia', [1, 6]],
    ['posts', 'q=QUIA', [1, 6]],
    ['posts', 'q=news', [1, 4, 6]],
    ['posts', 'q=120', [1, 6]],
    ['posts', 'q=true', [4]],
    ['posts', 'q=3', [3]],
    ['posts', 'q=zzz', []],
    ['posts', 'q=quia&userId=3', [6]],
    ['posts', '_=1700000000&_delay=10', [1, 2, 3, 4, 5, 6]],
    ['users', 'address.city=Wisokyburgh', [2]],
    ['users', 'address.geo.lat=-30.5', [3]],
    ['users', 'company.name_like=^romaguera', [1, 3]],
    ['users', 'q=gwenborough', [1]],
    ['users', 'username=bret', []],
    ['todos', 'completed=true', [4, 6]],
    ['todos', 'completed=false&userId=1', [1, 2, 3]],
    ['todos', 'completed:ne=true', [1, 2, 3, 5]],
  ])('%s?%s', (resource, query, expected) => {
    expect(ids(list(resource, query).body)).toEqual(expected)
  })
})

describe('runListQuery filters (free-form resource, json-server 0.17 comparison)', () => {
  it.each<[string, number[]]>([
    ['text=Hello', [1]],
    ['text=hello', []],
    ['priority=10', [2]],
    ['priority=2', [1]],
    ['priority=null', []],
    ['text=null', [3]],
    ['priority_gte=2', [1]],
    ['priority_lt=5', [1, 2]],
    ['meta.tag=x', [1]],
    ['labels=b', [1]],
    ['done=true', [2]],
    ['nothing=1', [1, 2, 3]],
    ['_id=n3', [3]],
    ['_=123', [1, 2, 3]],
    ['text_ne=Hello', [2, 3]],
    ['nothing_ne=1', [1, 2, 3]],
    ['nothing_like=1', []],
    ['nothing:eq=1', []],
    ['__proto__=1', []],
    ['constructor=x', []],
    ['meta.__proto__=x', []],
    ['toString=x', [1, 2, 3]],
    ['q=x', [1]],
    ['q=L', [1, 2, 3]],
  ])('notes?%s', (query, expected) => {
    expect(ids(list('notes', query).body)).toEqual(expected)
  })

  it('drops a filter only when no row of the whole resource has the field', () => {
    // Only post 1 has a subtitle: under user 2 the filter still applies, so nothing matches.
    const scope = { field: 'userId', value: '2' }
    expect(ids(list('posts', 'subtitle=First', { schema: DB_SCHEMA }).body)).toEqual([1])
    expect(ids(list('posts', 'subtitle=First', { schema: DB_SCHEMA, scope }).body)).toEqual([])
    expect(ids(list('posts', 'subtitles=First', { schema: DB_SCHEMA, scope }).body)).toEqual([4, 5])
  })

  it('reads a 0.17 suffix as an operator on a plain db, as json-server 0.17 does', () => {
    expect(ids(list('posts', 'is_like=true', { schema: DB_SCHEMA }).body)).toEqual([])
  })
})

describe('runListQuery sort', () => {
  it.each<[string, string, number[]]>([
    ['posts', '_sort=views', [5, 2, 4, 1, 6, 3]],
    ['posts', '_sort=views&_order=desc', [3, 1, 6, 2, 4, 5]],
    ['posts', '_sort=-views', [3, 1, 6, 2, 4, 5]],
    ['posts', '_sort=views,title&_order=desc,asc', [3, 6, 1, 4, 2, 5]],
    ['posts', '_sort=-views,title', [3, 6, 1, 4, 2, 5]],
    ['posts', '_sort=-views,-title', [3, 1, 6, 2, 4, 5]],
    ['posts', '_sort=userId,-id', [3, 2, 1, 5, 4, 6]],
    ['posts', '_sort=subtitle', [1, 2, 3, 4, 5, 6]],
    ['posts', '_sort=subtitle&_order=desc', [1, 2, 3, 4, 5, 6]],
    ['posts', '_sort=title', [6, 3, 4, 5, 2, 1]],
    ['posts', '_sort=tags.0', [5, 1, 4, 6, 2, 3]],
    ['posts', '_sort=is_like&_order=desc', [4, 1, 2, 3, 5, 6]],
    ['posts', 'userId=1&_sort=-views', [3, 1, 2]],
    ['users', '_sort=address.city', [1, 3, 2]],
    ['notes', '_sort=priority', [1, 2, 3]],
    ['notes', '_sort=-priority', [2, 1, 3]],
    ['notes', '_sort=text', [1, 3, 2]],
    ['notes', '_sort=missing', [1, 2, 3]],
    ['notes', '_sort=__proto__', [1, 2, 3]],
  ])('%s?%s', (resource, query, expected) => {
    expect(ids(list(resource, query).body)).toEqual(expected)
  })
})

describe('runListQuery nested scope', () => {
  it.each<[string, string, { field: string; value: string }, number[]]>([
    ['comments', '', { field: 'postId', value: '1' }, [1, 2, 3]],
    ['comments', 'id=2', { field: 'postId', value: '1' }, [2]],
    ['comments', 'id=4', { field: 'postId', value: '1' }, []],
    ['comments', 'postId=2', { field: 'postId', value: '1' }, []],
    ['comments', '_sort=-id', { field: 'postId', value: '1' }, [3, 2, 1]],
    ['comments', '', { field: 'postId', value: '3' }, []],
    ['posts', 'views_gt=100', { field: 'userId', value: '1' }, [1, 3]],
    ['posts', 'q=est', { field: 'userId', value: '1' }, [2, 3]],
  ])('%s?%s under %o', (resource, query, scope, expected) => {
    expect(ids(list(resource, query, { scope }).body)).toEqual(expected)
  })
})
