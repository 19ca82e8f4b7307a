// Exporter output compared byte for byte with the files checked in under tests/golden-export/.
// Regenerate them with UPDATE_GOLDEN=1, then read the diff before committing it.
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  exportMoodleFramework,
  exportResultJson,
  exportResultsCsv,
  exportXapi,
} from '../../../src/core/index.ts'
import { conveyor } from './fixtures.ts'

const DIR = new URL('../../golden-export/', import.meta.url)

function expectGolden(name: string, actual: string): void {
  const file = new URL(name, DIR)
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual)
  expect(actual === readFileSync(file, 'utf8'), `${name} differs from the checked-in file`).toBe(
    true,
  )
}

describe('exporter golden files', () => {
  const { model, example, zh } = conveyor()

  it('writes the gradebook of both attempts as conveyor.csv', () => {
    expectGolden('conveyor.csv', exportResultsCsv([example, zh]))
  })

  it('writes the xAPI statements of both attempts as conveyor.xapi.json', () => {
    const statements = [...exportXapi(example), ...exportXapi(zh)]
    expectGolden('conveyor.xapi.json', JSON.stringify(statements, null, 2) + '\n')
  })

  it('writes the result of the second attempt as conveyor-zh.result.json', () => {
    expectGolden('conveyor-zh.result.json', exportResultJson(zh.result))
  })

  it('writes the Moodle framework as conveyor.moodle.csv', () => {
    expectGolden('conveyor.moodle.csv', exportMoodleFramework(model))
  })

  it('writes the Moodle framework in Chinese as conveyor.moodle.zh-CN.csv', () => {
    expectGolden('conveyor.moodle.zh-CN.csv', exportMoodleFramework(model, { locale: 'zh-CN' }))
  })
})
