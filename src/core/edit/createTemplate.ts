// The scenario a new draft starts from: the smallest document that validates and solves, with
// one of each thing an author fills in first. Builds JSON only; validation lives elsewhere.
import type { JsonValue } from '../json.ts'
import { SCENARIO_FORMAT } from '../formats.ts'
import type { JsonObject } from './applyCommand.ts'

/**
 * A small valid scenario to start from: one competency, a power switch, a lamp that shows it and
 * one step; texts are in the first locale (default ["en"]). It passes validation and solve. Pure.
 */
export function createTemplate(
  options: { readonly id?: string; readonly locales?: readonly string[] } = {},
): JsonObject {
  const locales =
    options.locales !== undefined && options.locales.length > 0 ? options.locales : ['en']
  const first = locales[0]!
  // with several locales, the text object shows which language the placeholder is in
  const text = (s: string): JsonValue => (locales.length === 1 ? s : { [first]: s })
  return {
    format: SCENARIO_FORMAT,
    id: options.id ?? 'new-scenario',
    version: '0.1.0',
    title: text('New scenario'),
    locales: [...locales],
    competencies: [{ id: 'COMP.1', title: text('First competency') }],
    components: [
      {
        id: 'power',
        kind: 'switch',
        label: text('Power switch'),
        position: [-0.3, 1, 0],
        states: ['off', 'on'],
      },
      {
        id: 'power_lamp',
        kind: 'lamp',
        label: text('Power lamp'),
        position: [0.3, 1, 0],
        color: '#4caf50',
        lit: "power == 'on'",
      },
    ],
    steps: [
      {
        id: 'switch-on',
        title: text('Switch the power on'),
        points: 1,
        competencies: ['COMP.1'],
        action: { action: 'set', target: 'power', value: 'on' },
      },
    ],
  }
}
