// A small schema that --watch tests write, then edit: users and their posts, and tags to add.
export const USERS = { count: 2, fields: { name: 'person.firstName' } }
export const POSTS = { count: 3, fields: { userId: { ref: 'users' }, title: 'lorem.word' } }
export const TAGS = { count: 2, fields: { label: 'lorem.word' } }

/** The schema file's text with these resources. */
export const schemaText = (resources: object): string =>
  JSON.stringify({ seed: 3, resources }, null, 2)
