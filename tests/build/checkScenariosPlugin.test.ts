// The build refuses a broken bundled scenario, naming the file and each problem, since the app
// then trusts the bundled scenarios without checking them again.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import {
  bundledScenarioNames,
  checkBundledScenarios,
  checkScenariosPlugin,
} from '../../src/build/checkScenariosPlugin.ts'
import { LOOK_NAMES } from '../../src/core/index.ts'
import { ROOT } from '../helpers.ts'

/** A project folder whose scenarios/ holds the conveyor, its schema and, if given, another file. */
const made: string[] = []
afterAll(() => made.forEach((root) => rmSync(root, { recursive: true })))

function project(extra?: { name: string; text: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'practica-scenarios-'))
  made.push(root)
  mkdirSync(join(root, 'scenarios'))
  for (const f of ['conveyor-loto.json', 'scenario.schema.json'])
    copyFileSync(join(ROOT, 'scenarios', f), join(root, 'scenarios', f))
  if (extra) writeFileSync(join(root, 'scenarios', extra.name), extra.text)
  return root
}

function brokenConveyor(): string {
  const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios/conveyor-loto.json'), 'utf8'))
  scenario.steps[0].action.target = 'no_such_part'
  return JSON.stringify(scenario)
}

/** Runs the plugin's build start as Vite would; returns the files it watches, or throws its message. */
function buildStart(root: string): string[] {
  const plugin: Plugin = checkScenariosPlugin((message) => {
    throw new Error(message)
  })
  ;(plugin.configResolved as (config: Partial<ResolvedConfig>) => void)({ root })
  const watched: string[] = []
  const context = { addWatchFile: (file: string) => watched.push(file) }
  ;(plugin.buildStart as unknown as (this: typeof context) => void).call(context)
  return watched
}

describe('the check of the bundled scenarios', () => {
  it('lists the scenario files, not their JSON Schema', () => {
    expect(bundledScenarioNames(project())).toEqual(['conveyor-loto.json'])
  })

  it('passes the bundled scenarios, and watches each', () => {
    expect(checkBundledScenarios(ROOT)).toEqual([])
    const root = project()
    expect(buildStart(root)).toEqual([join(root, 'scenarios', 'conveyor-loto.json')])
  })

  it('stops the build with each problem of a broken scenario, naming the file', () => {
    const root = project({ name: 'broken.json', text: brokenConveyor() })
    const lines = checkBundledScenarios(root)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^scenarios\/broken\.json: steps\[0\]\.action\.target: .*no_such_part/)
    expect(() => buildStart(root)).toThrow(
      /1 problem in the bundled scenarios; fix them .* or move the file out of scenarios\/:\n {2}scenarios\/broken\.json: steps\[0\]/,
    )
  })

  it('stops the build on a look the catalogue does not know, listing the known ones', () => {
    const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios/conveyor-loto.json'), 'utf8'))
    const index = scenario.components.findIndex((c: { kind: string }) => c.kind === 'switch')
    scenario.components[index].look = 'switch.from-the-future'
    const root = project({ name: 'future.json', text: JSON.stringify(scenario) })
    expect(checkBundledScenarios(root)).toEqual([
      `scenarios/future.json: components[${index}].look: unknown look "switch.from-the-future"; the looks are ${LOOK_NAMES.join(', ')}`,
    ])
    expect(() => buildStart(root)).toThrow(/unknown look "switch\.from-the-future"; the looks are/)
  })

  it('refuses a file that is not JSON', () => {
    const root = project({ name: 'notes.json', text: 'steps: close the valve' })
    expect(checkBundledScenarios(root)).toEqual([
      expect.stringMatching(/^scenarios\/notes\.json: /),
    ])
  })
})
