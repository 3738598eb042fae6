import { describe, expect, it } from 'vitest'
import { parseTemplate } from '../../src/schema/parse-template.ts'

describe('parseTemplate', () => {
  it.each([
    ['plain text', 'no placeholders', ['no placeholders']],
    ['one call', '{{person.firstName}}', [{ path: 'person.firstName', args: [] }]],
    [
      'spaces inside braces',
      'Hi {{ person.firstName }}!',
      ['Hi ', { path: 'person.firstName', args: [] }, '!'],
    ],
    ['empty parentheses', '{{string.alpha()}}', [{ path: 'string.alpha', args: [] }]],
    ['one JSON arg', '{{lorem.words(3)}}', [{ path: 'lorem.words', args: [3] }]],
    [
      'an object arg with braces',
      '{{number.int({"min":1,"max":9})}}',
      [{ path: 'number.int', args: [{ min: 1, max: 9 }] }],
    ],
    [
      'nested objects',
      '{{helpers.objectKey({"a":{"b":1}})}}',
      [{ path: 'helpers.objectKey', args: [{ a: { b: 1 } }] }],
    ],
    [
      'several args',
      '{{string.fromCharacters("abc", 4)}}',
      [{ path: 'string.fromCharacters', args: ['abc', 4] }],
    ],
    [
      'braces and parentheses inside a string arg',
      '{{helpers.arrayElement(["}}", ")"])}}',
      [{ path: 'helpers.arrayElement', args: [['}}', ')']] }],
    ],
    [
      'adjacent calls',
      '{{a.b}}{{c.d}}',
      [
        { path: 'a.b', args: [] },
        { path: 'c.d', args: [] },
      ],
    ],
    ['a lone closing pair stays text', 'a }} b {{x.y}}', ['a }} b ', { path: 'x.y', args: [] }]],
  ])('%s', (_, text, parts) => {
    expect(parseTemplate(text)).toEqual({ parts, problems: [] })
  })

  it.each([
    ['unclosed', 'Hi {{person.firstName', ['unclosed "{{" at character 4']],
    ['empty', '{{}}', ['{{}}: expected {{module.method}} or {{module.method(args)}}']],
    [
      'bad characters',
      '{{person-name}}',
      ['{{person-name}}: expected {{module.method}} or {{module.method(args)}}'],
    ],
    [
      'bad args',
      '{{lorem.words(three)}}',
      [
        '{{lorem.words(three)}}: args must be JSON values separated by commas, e.g. {{number.int({"min":1,"max":9})}}',
      ],
    ],
    [
      'two problems',
      '{{}} {{a.b(}}',
      [
        '{{}}: expected {{module.method}} or {{module.method(args)}}',
        'unclosed "{{" at character 6',
      ],
    ],
  ])('reports %s', (_, text, problems) => {
    expect(parseTemplate(text).problems).toEqual(problems)
  })
})
