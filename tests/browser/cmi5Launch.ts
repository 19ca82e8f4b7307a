// A small cmi5 launch stub, as an LMS does it (cmi5 section 8): for each launch a registration
// and a session id, LMS.LaunchData written to the LRS's State resource, a one-time fetch URL that
// answers the auth token (the LMS's LRS client's Basic credentials), and the AU opened in a frame
// of the LMS's page with the launch parameters in its URL. And what the tests check of the
// statements the LRS received: cmi5's order, categories, context template, session id,
// registration and verdict rules, each statement validated by @learninglocker/xapi-validation.
import { randomUUID } from 'node:crypto'
import validateStatement from '@learninglocker/xapi-validation'
import type { Frame, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { LrsTestClient } from '../server/lrsClient.ts'
import { newAppPage } from './browser.ts'
import { hostPackages, type PackageHost } from './scormPackageHost.ts'

const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid'
const MASTERY_SCORE = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore'
const CATEGORY_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5'
const CATEGORY_MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon'

export const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const

/** The AU as the package's cmi5.xml declares it. */
export interface DeclaredAu {
  readonly courseId: string
  readonly id: string
  readonly moveOn: string
  readonly masteryScore: number
  readonly url: string
}

export interface Cmi5Launch {
  readonly page: Page
  readonly frame: Frame
  readonly registration: string
  readonly sessionId: string
  readonly activityId: string
  readonly courseId: string
  readonly actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } }
  readonly masteryScore: number
  readonly returnUrl: string
  /** How many times the AU asked the fetch URL for its token. */
  fetched(): number
}

const LMS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<link rel="icon" href="data:,"><style>body{margin:0}iframe{position:fixed;inset:0;width:100%;height:100%;border:0}</style>
</head><body></body></html>`

/** Reads the one AU of a cmi5.xml. */
function declaredAu(xml: string): DeclaredAu {
  const course = /<course id="([^"]+)"/.exec(xml)
  const au = /<au id="([^"]+)" moveOn="([^"]+)" masteryScore="([^"]+)"/.exec(xml)
  const url = /<url>([^<]+)<\/url>/.exec(xml)
  if (!course || !au || !url) throw new Error(`not a cmi5.xml of one AU:\n${xml}`)
  return {
    courseId: course[1]!,
    id: au[1]!,
    moveOn: au[2]!,
    masteryScore: Number(au[3]),
    url: url[1]!,
  }
}

export class Cmi5Lms {
  private readonly tokens = new Map<string, { token: string; calls: number }>()
  private host!: PackageHost
  private readonly aus = new Map<string, DeclaredAu>()

  private constructor(private readonly lrs: LrsTestClient) {}

  /** The LMS of `lrs`'s client, serving each package (deep path → files). */
  static async start(
    lrs: LrsTestClient,
    packages: Record<string, Record<string, Uint8Array>>,
  ): Promise<Cmi5Lms> {
    const lms = new Cmi5Lms(lrs)
    for (const [path, files] of Object.entries(packages))
      lms.aus.set(path, declaredAu(new TextDecoder().decode(files['cmi5.xml'])))
    lms.host = await hostPackages(packages, (req, res, path) => {
      if (path === '/lms/course.html') {
        res.writeHead(200, { 'content-type': 'text/html' })
        res.end(LMS_PAGE)
        return true
      }
      const fetchId = /^\/lms\/fetch\/([\w-]+)$/.exec(path)?.[1]
      if (!fetchId) return false
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors)
        res.end()
        return true
      }
      const entry = lms.tokens.get(fetchId)
      res.writeHead(entry && req.method === 'POST' ? 200 : 404, {
        ...cors,
        'content-type': 'application/json',
      })
      if (!entry || req.method !== 'POST') res.end()
      // cmi5 8.2.3: the token once; a second request is an error
      else if (entry.calls++ === 0) res.end(JSON.stringify({ 'auth-token': entry.token }))
      else res.end(JSON.stringify({ 'error-code': '1', 'error-text': 'already used' }))
      return true
    })
    return lms
  }

  /** The AU the package at `path` declares. */
  au(path: string): DeclaredAu {
    return this.aus.get(path)!
  }

  /** Paths the AU asked for outside its package and the LMS's own. */
  strays(): string[] {
    return this.host.strays
  }

  /** Launches the AU of the package at `path` in `launchMode`, in a new page of its own. */
  async launch(
    name: string,
    path: string,
    launchMode: 'Normal' | 'Browse' | 'Review',
  ): Promise<Cmi5Launch> {
    const au = this.au(path)
    const registration = randomUUID()
    const sessionId = randomUUID()
    const actor = {
      objectType: 'Agent' as const,
      name: 'Amina Phiri',
      account: { homePage: 'https://lms.school.test', name: 's-1042' },
    }
    const returnUrl = `${this.host.origin}/lms/course.html?returned=${registration}`
    const launchData = {
      contextTemplate: {
        contextActivities: { grouping: [{ objectType: 'Activity', id: au.courseId }] },
        extensions: { [SESSION_ID]: sessionId },
      },
      launchMode,
      launchMethod: 'AnyWindow',
      moveOn: au.moveOn,
      masteryScore: au.masteryScore,
      returnURL: returnUrl,
    }
    const state = new URLSearchParams({
      stateId: 'LMS.LaunchData',
      activityId: au.id,
      agent: JSON.stringify(actor),
      registration,
    })
    const put = await this.lrs.put(`/xapi/activities/state?${state}`, launchData)
    expect(put.status).toBe(204)
    const fetchId = randomUUID()
    const token = Buffer.from(`${this.lrs.key}:${this.lrs.secret}`).toString('base64')
    this.tokens.set(fetchId, { token, calls: 0 })
    const query = new URLSearchParams({
      endpoint: `${this.lrs.base}/xapi/`,
      fetch: `${this.host.origin}/lms/fetch/${fetchId}`,
      actor: JSON.stringify(actor),
      registration,
      activityId: au.id,
    })
    const page = await newAppPage(name)
    await page.goto(`${this.host.origin}/lms/course.html`)
    const src = `${path}${au.url}?${query}&graphics=simple`
    await page.evaluate((src) => {
      const frame = document.createElement('iframe')
      frame.title = 'Activity'
      frame.src = src
      document.body.append(frame)
    }, src)
    await expect.poll(() => page.frames().some((f) => f.url().includes(path))).toBe(true)
    const frame = page.frames().find((f) => f.url().includes(path))!
    return {
      page,
      frame,
      registration,
      sessionId,
      activityId: au.id,
      courseId: au.courseId,
      actor,
      masteryScore: au.masteryScore,
      returnUrl,
      fetched: () => this.tokens.get(fetchId)!.calls,
    }
  }

  /** The statements of a launch's registration, in the order the LRS stored them. */
  async statements(launch: Cmi5Launch): Promise<any[]> {
    const answer = await this.lrs.get(
      `/xapi/statements?registration=${launch.registration}&ascending=true&limit=50`,
    )
    expect(answer.status).toBe(200)
    return answer.body.statements as any[]
  }

  close(): Promise<void> {
    return this.host.close()
  }
}

const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((a) => a.id)

/**
 * Checks a launch's statements against cmi5 (section 9): the verbs in `verbs`' order, each valid
 * xAPI, about the AU, by the launch's actor, in its registration and session, with the context
 * template's grouping and the cmi5 category; completed, passed and failed with the moveOn
 * category, a duration, and the verdict's rules against the mastery score.
 */
export function expectCmi5Statements(
  statements: readonly any[],
  launch: Cmi5Launch,
  verbs: readonly string[],
): void {
  expect(statements.map((s) => s.verb.id)).toEqual(verbs)
  expect(launch.fetched()).toBe(1)
  for (const s of statements) {
    const what = s.verb.id
    expect(validateStatement(s), what).toEqual([])
    expect(s.actor.account, what).toEqual(launch.actor.account)
    expect(s.object.id, what).toBe(launch.activityId)
    expect(s.context.registration, what).toBe(launch.registration)
    expect(s.context.extensions[SESSION_ID], what).toBe(launch.sessionId)
    expect(ids(s.context.contextActivities.grouping), what).toContain(launch.courseId)
    const categories = ids(s.context.contextActivities.category)
    expect(categories, what).toContain(CATEGORY_CMI5)
    const verdict = what === VERB.passed || what === VERB.failed
    expect(categories.includes(CATEGORY_MOVE_ON), what).toBe(verdict || what === VERB.completed)
    if (what !== VERB.initialized) expect(s.result.duration, what).toMatch(/^PT/)
    if (what === VERB.completed) {
      expect(s.result.completion).toBe(true)
      expect(s.result.success).toBeUndefined()
      expect(s.result.score).toBeUndefined()
    }
    if (verdict) {
      expect(s.result.success).toBe(what === VERB.passed)
      expect(s.context.extensions[MASTERY_SCORE]).toBe(launch.masteryScore)
      // a score, if sent, agrees with the verdict against the mastery score
      if (s.result.score !== undefined) {
        const scaled = s.result.score.scaled as number
        expect(scaled >= launch.masteryScore).toBe(what === VERB.passed)
      }
    }
  }
}
