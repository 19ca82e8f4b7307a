// The command line and spec amendment 1: `validate` checks looks against the catalogue and says
// every mistake of looks, params, parents, state names and views; `score`, `export` and `solve`
// only run and score a scenario, so they accept any look name of the right form.
import { describe, expect, it } from 'vitest'
import { LOOK_NAMES } from '../../src/core/index.ts'
import { ROOT, readText } from '../helpers.ts'
import { cli, scratchFolder } from './runCli.ts'

const { file: tmpFile } = scratchFolder('practica-cli-looks-')

const EXAMPLE = 'tests/golden/spec-worked-example'
const FIXTURE = `${ROOT}tests/cli/fixtures/looks-mistakes.scenario.json`

/** The worked example with a look of the right form that no catalogue knows on its isolator. */
function futureLook(): string {
  const text = readText(`${EXAMPLE}/scenario.json`).replace(
    '"lockable": true, "taggable": true, "position": [-0.5, 1.0, 0.52] }',
    '"lockable": true, "taggable": true, "position": [-0.5, 1.0, 0.52], "look": "switch.from-the-future", "params": { "turns": 3 } }',
  )
  expect(text).toContain('switch.from-the-future')
  return tmpFile('future-look.json', text)
}

describe('command line, looks and mounting', () => {
  it('validate prints every mistake of the fixture, one line each, and exits 1', () => {
    const r = cli('validate', FIXTURE)
    expect(r.status).toBe(1)
    expect(r.out).toBe('')
    const lines = r.err
      .trimEnd()
      .split('\n')
      .map((line) => {
        expect(line.startsWith(`${FIXTURE}: `)).toBe(true)
        return line.slice(FIXTURE.length + 2)
      })
    expect(lines).toEqual([
      'components[4].params.tees: must be a number, a string, true or false, or a list of numbers or of [x, y, z] points, not a list',
      'components[1].stateLabels.on: has no text for the default locale "en"',
      'scene.views[1].title: has no text for the default locale "en"',
      'components[0].params.widht: the look "static.control-station" has no parameter "widht" (did you mean "width"?); its parameters are width, height, depth, pedestal',
      'components[0].params.height: "height" is 12, outside [0.02, 10]',
      'components[0].params.pedestal: "pedestal" must be a boolean, not a string',
      `components[1].look: unknown look "switch.rotary-isolater" (did you mean "switch.rotary-isolator"?); the looks are ${LOOK_NAMES.join(', ')}`,
      'components[1].parent: a component cannot be its own parent',
      'components[1].stateLabels.of: "of" is not one of the states (off, on) (did you mean "off"?)',
      'components[2].params.lamp: "lamp" names no component: "run_lmap" (did you mean "run_lamp"?)',
      'components[3].look: the look "valve.gate" fits the kinds valve, not "lamp"; the looks that fit a lamp are lamp.pilot, display.sight-glass',
      'components[5].params.points: "points" takes 2 to 32 points, not 1',
      'components[6].look: the look "static.pipe" needs the parameter "points"',
      'components[7].params.poles: "poles" must be a whole number, not 2.5',
      'components[8].params.hinge: "hinge" must be one of left, right, not "top"',
      'components[9].params: params belong to a look; give "look" too, or remove "params"',
      'components[9].parent: unknown component "plinth"',
      'components[0].parent: "station" → "start" → "station" are each other\'s parents in a cycle; one of them must sit on none',
      'scene.views[1].id: the view id "station" is already used by scene.views[0]; view ids must be unique',
    ])
  })

  it('validate refuses a look it does not know, listing the ones it knows', () => {
    const file = futureLook()
    const r = cli('validate', file)
    expect(r.status).toBe(1)
    expect(r.err).toBe(
      `${file}: components[5].look: unknown look "switch.from-the-future"; the looks are ${LOOK_NAMES.join(', ')}\n`,
    )
    expect(r.err).toContain('switch.rotary-isolator, switch.key')
  })

  it('score accepts any look name of the form, and scores as without it', () => {
    const file = futureLook()
    const attempt = `${ROOT}${EXAMPLE}/attempt.json`
    const plain = cli('score', `${ROOT}${EXAMPLE}/scenario.json`, attempt)
    const r = cli('score', file, attempt)
    expect(r.err).toBe('')
    expect(r.status).toBe(0)
    const [a, b] = [JSON.parse(plain.out), JSON.parse(r.out)]
    expect(b.score).toEqual(a.score)
    expect(b.steps).toEqual(a.steps)
    expect(b.status).toBe(a.status)
  })

  it('export and solve accept it too', () => {
    const file = futureLook()
    const exported = cli('export', '--format', 'csv', file, `${ROOT}${EXAMPLE}/attempt.json`)
    expect(exported.err).toBe('')
    expect(exported.status).toBe(0)
    const solved = cli('solve', file)
    expect(solved.err).toBe('')
    expect(solved.status).toBe(0)
  })

  it('score still refuses a look name of the wrong form, and a mistake that holds for any look', () => {
    const text = readText(`${EXAMPLE}/scenario.json`).replace(
      '"lockable": true, "taggable": true, "position": [-0.5, 1.0, 0.52] }',
      '"lockable": true, "taggable": true, "position": [-0.5, 1.0, 0.52], "look": "Rotary", "parent": "isolator" }',
    )
    const file = tmpFile('wrong-form.json', text)
    const r = cli('score', file, `${ROOT}${EXAMPLE}/attempt.json`)
    expect(r.status).toBe(1)
    // the component's shape is broken, so its parent is not looked at until the name is mended
    expect(r.err).toBe(
      `${file}: components[5].look: must be a look name: lowercase words joined by dots, like "valve.gate" or "static.cabinet"\n`,
    )
    const mended = tmpFile('wrong-parent.json', text.replace('"Rotary"', '"switch.rotary"'))
    expect(cli('score', mended, `${ROOT}${EXAMPLE}/attempt.json`).err).toBe(
      `${mended}: components[5].parent: a component cannot be its own parent\n`,
    )
  })

  it('score of the fixture says only the mistakes that hold for any look', () => {
    const r = cli('score', FIXTURE, `${ROOT}${EXAMPLE}/attempt.json`)
    expect(r.status).toBe(1)
    expect(r.err.trimEnd().split('\n')).toEqual(
      [
        'components[4].params.tees: must be a number, a string, true or false, or a list of numbers or of [x, y, z] points, not a list',
        'components[1].stateLabels.on: has no text for the default locale "en"',
        'scene.views[1].title: has no text for the default locale "en"',
        'components[1].parent: a component cannot be its own parent',
        'components[1].stateLabels.of: "of" is not one of the states (off, on) (did you mean "off"?)',
        'components[9].params: params belong to a look; give "look" too, or remove "params"',
        'components[9].parent: unknown component "plinth"',
        'components[0].parent: "station" → "start" → "station" are each other\'s parents in a cycle; one of them must sit on none',
        'scene.views[1].id: the view id "station" is already used by scene.views[0]; view ids must be unique',
      ].map((line) => `${FIXTURE}: ${line}`),
    )
  })
})
