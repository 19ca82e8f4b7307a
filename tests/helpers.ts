// Shared test helpers: load files of the repository through the engine, compare results.
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import {
  formatProblem,
  loadScenario,
  loadAttempt,
  type Attempt,
  type Model,
  type Problem,
} from '../src/core/index.ts'
import { bundledScenarioNames } from '../src/build/checkScenariosPlugin.ts'

export const ROOT = new URL('..', import.meta.url).pathname

export function readText(path: string): string {
  return readFileSync(new URL(path, new URL('..', import.meta.url)), 'utf8')
}

/**
 * The interface texts of a language as the app has them once every section arrived: the main file
 * with the sections that are files apart (src/view/i18n/locales/<section>/<tag>.json) under their
 * names.
 */
export function readInterfaceTexts(tag: string): any {
  const sections = ['result', 'editor', 'review'].map((section) => [
    section,
    JSON.parse(readText(`src/view/i18n/locales/${section}/${tag}.json`)),
  ])
  return {
    ...JSON.parse(readText(`src/view/i18n/locales/${tag}.json`)),
    ...Object.fromEntries(sections),
  }
}

/**
 * Loads a scenario (its text or bytes) through the engine, as the app and the CLI do; fails the
 * test with every problem, one `path: message` line each, if it does not load. The one way tests
 * load a scenario they build or change.
 */
export function loadScenarioText(file: string | Uint8Array, name = 'scenario'): Model {
  const loaded = loadScenario(file)
  if (!loaded.ok) throw new Error(`${name}: ${loaded.problems.map(formatProblem).join('\n')}`)
  return loaded.value
}

/** Loads a scenario file of the repository; fails the test with its problems if it does not load. */
export function loadScenarioFile(path: string): Model {
  return loadScenarioText(
    new Uint8Array(readFileSync(new URL(path, new URL('..', import.meta.url)))),
    path,
  )
}

/** Loads an attempt file of the repository; fails the test with its problems if it does not load. */
export function loadAttemptFile(path: string): Attempt {
  const parsed = loadAttempt(readText(path))
  if (!parsed.ok) throw new Error(`${path}: ${parsed.problems.map(formatProblem).join('\n')}`)
  return parsed.value
}

/** The bundled scenario files, e.g. `scenarios/conveyor-loto.json`. */
export function bundledScenarioFiles(): string[] {
  return bundledScenarioNames(ROOT).map((f) => `scenarios/${f}`)
}

/** Deep equality that allows 1e-9 on numbers, as the spec says tools comparing results do. */
export function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      1e-9,
    )
    return
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is a list`).toBe(true)
    expect((actual as unknown[]).length, `${path} length`).toBe(expected.length)
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`))
    return
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${path} is an object`).toBe(true)
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(
      Object.keys(expected).sort(),
    )
    for (const [k, v] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`)
    return
  }
  expect(actual, path).toEqual(expected)
}

/** The problems as `path: message` lines, for readable assertions. */
export function lines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem)
}
