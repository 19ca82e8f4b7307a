// A scenario's competencies as a Moodle competency framework, in the CSV that Moodle's
// "Import competency framework" tool (admin/tool/lpimportcsv) reads. Reads the scenario only.
import type { Model } from '../model.ts'
import { csvFile } from './csv.ts'
import { getLocalText } from '../text.ts'

/**
 * The header Moodle's own framework export writes: the English strings of tool_lpimportcsv's
 * list_required_headers() (keys parentidnumber … taxonomy). Moodle's importer reads columns by
 * position, so the order is what matters.
 */
export const MOODLE_FRAMEWORK_HEADER = [
  'Parent ID number',
  'ID number',
  'Short name',
  'Description',
  'Description format',
  'Scale values',
  'Scale configuration',
  'Rule type (optional)',
  'Rule outcome (optional)',
  'Rule config (optional)',
  'Cross-referenced competency ID numbers',
  'Exported ID (optional)',
  'Is framework',
  'Taxonomy',
] as const

// Moodle's FORMAT_PLAIN: scenario texts are plain text, never HTML
const FORMAT_PLAIN = '2'
// Practica's three levels as a Moodle scale; the first is the default, the other two count
// as proficient. The importer replaces scaleid with the id of the scale it finds or creates.
const SCALE_VALUES = 'Not yet competent,Competent,Proficient'
const SCALE_CONFIGURATION = JSON.stringify([
  { scaleid: '0' },
  { id: 1, scaledefault: 1, proficient: 0 },
  { id: 2, scaledefault: 0, proficient: 1 },
  { id: 3, scaledefault: 0, proficient: 1 },
])

/**
 * The scenario's competencies as a Moodle competency-framework CSV (tool_lpimportcsv's 14
 * columns): one framework row (ID number = the scenario id, short name = its title, a
 * three-level scale), then one row per competency at the top level of the framework. Moodle
 * attaches a competency to the framework itself when its parent ID number is empty, so it is
 * left empty. Texts are taken in `locale` (default: the scenario's default locale), falling
 * back to the default locale. UTF-8 with BOM, RFC 4180. Pure.
 */
export function exportMoodleFramework(
  model: Model,
  options: { readonly locale?: string } = {},
): string {
  const defaultLocale = model.locales[0] ?? 'en'
  const locale = options.locale ?? defaultLocale
  const text = (t: Parameters<typeof getLocalText>[0] | undefined): string =>
    t === undefined ? '' : getLocalText(t, locale, defaultLocale)
  const scenario = model.scenario
  const framework = [
    '',
    scenario.id,
    text(scenario.title),
    text(scenario.description),
    FORMAT_PLAIN,
    SCALE_VALUES,
    SCALE_CONFIGURATION,
    '',
    '',
    '',
    '',
    '',
    '1',
    'competency',
  ]
  // the same cells Moodle's own export writes for a competency without rules or relations
  const competencies = scenario.competencies.map((c) => [
    '',
    c.id,
    text(c.title),
    text(c.description),
    FORMAT_PLAIN,
    '',
    '',
    '',
    '0',
    'null',
    '',
    '',
    '',
    '',
  ])
  return csvFile([[...MOODLE_FRAMEWORK_HEADER], framework, ...competencies])
}
