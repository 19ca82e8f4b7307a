// The files that tell an LMS what a package is: SCORM 1.2's `imsmanifest.xml` (one SCO, its
// mastery score the scenario's pass mark in percent) and cmi5's `cmi5.xml` (one AU, its moveOn
// and masteryScore from the pass mark). Pure.
import { getLocalText, scenarioActivityId, toLanguageMap, type Model } from '../core/index.ts'
import { cmi5MoveOn } from './verdict.ts'

/** The page the LMS launches. */
export const LAUNCH_FILE = 'index.html'

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function title(model: Model): string {
  return getLocalText(model.scenario.title, model.locales[0]!, model.locales[0]!)
}

/**
 * The IRI of the scenario as a cmi5 course, and of its one AU (stable across versions): under the
 * school's base IRI when it gives one (the course is the scenario's activity, as the server's
 * statements name it), else a URN of Practica's own.
 */
export function courseIri(model: Model, activityBase?: string): string {
  return activityBase === undefined
    ? `urn:practica:scenario:${model.scenario.id}`
    : scenarioActivityId(activityBase, model.scenario.id)
}
export function auIri(model: Model, activityBase?: string): string {
  return `${courseIri(model, activityBase)}${activityBase === undefined ? ':' : '/'}au`
}

/** SCORM 1.2's manifest listing every file of the package (`files`, paths with `/`). */
export function scorm12Manifest(model: Model, files: readonly string[]): string {
  const { id, version } = model.scenario
  const name = escapeXml(title(model))
  const listed = [...files]
    .sort()
    .map((f) => `      <file href="${escapeXml(f)}"/>`)
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="practica-${escapeXml(id)}" version="${escapeXml(version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="practica">
    <organization identifier="practica">
      <title>${name}</title>
      <item identifier="scenario" identifierref="sco" isvisible="true">
        <title>${name}</title>
        <adlcp:masteryscore>${model.scoring.passPercent}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_FILE}">
${listed}
    </resource>
  </resources>
</manifest>
`
}

function langstrings(text: Model['scenario']['title'], model: Model, indent: string): string {
  return Object.entries(toLanguageMap(text, model.locales[0]!))
    .map(
      ([lang, s]) => `${indent}<langstring lang="${escapeXml(lang)}">${escapeXml(s)}</langstring>`,
    )
    .join('\n')
}

/**
 * cmi5's course structure: the scenario as a course of one AU launched at `index.html`, its IRIs
 * under `activityBase` when given.
 */
export function cmi5CourseStructure(model: Model, activityBase?: string): string {
  const { scenario } = model
  const description = scenario.description ?? scenario.title
  const block = (tag: string, text: typeof scenario.title, indent: string) =>
    `${indent}<${tag}>\n${langstrings(text, model, indent + '  ')}\n${indent}</${tag}>`
  const masteryScore = model.scoring.passPercent / 100
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(courseIri(model, activityBase))}">
${block('title', scenario.title, '    ')}
${block('description', description, '    ')}
  </course>
  <au id="${escapeXml(auIri(model, activityBase))}" moveOn="${cmi5MoveOn(model)}" masteryScore="${masteryScore}" launchMethod="AnyWindow">
${block('title', scenario.title, '    ')}
${block('description', description, '    ')}
    <url>${LAUNCH_FILE}</url>
  </au>
</courseStructure>
`
}
