// @vitest-environment jsdom
// "Join your class": the server's refusals said in the learner's words (English and Chinese), the
// class PIN and the learner's own PIN asked for only once the server asks, and a join that
// succeeds signs the learner in. The server is a stand-in for fetch here that answers as
// src/server/people/join.ts does; serverLearner.test.ts joins against the real one.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sessionStore } from '../../../src/state/classroom/sessionStore.ts'
import { i18n } from '../../../src/view/i18n/i18n.ts'
import { JoinForm } from '../../../src/view/classroom/JoinForm.tsx'

const refusal = (status: number, code: string, details: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ error: { code, message: 'in English', ...details } }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })

/** Answers each POST /api/join with the next of `answers`, and keeps the bodies sent. */
function server(...answers: Response[]) {
  const sent: unknown[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((path: string, init: RequestInit) => {
      expect(path).toBe('/api/join')
      expect(init.method).toBe('POST')
      expect(init.credentials).toBe('same-origin')
      sent.push(JSON.parse(init.body as string))
      return Promise.resolve(answers.shift()!)
    }),
  )
  return sent
}

/** Presses Join and lets the answer arrive. */
const join = () =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /Join|加入/ }))
    await new Promise((r) => setTimeout(r, 20))
  })

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

beforeEach(async () => {
  localStorage.clear()
  sessionStore.setState({ status: 'online', user: null })
  await i18n.changeLanguage('en')
  // the class server's texts, a section apart (the app loads it with the form)
  await i18n.loadSection('server')
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('joining a class', () => {
  it('asks for the class PIN when the server does, then signs the learner in', async () => {
    const sent = server(
      refusal(401, 'wrong-class-pin', { missing: true }),
      new Response(
        JSON.stringify({
          user: { id: 'u-1', role: 'learner', name: 'Amina Phiri', learnerId: 's-1042' },
        }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      ),
    )
    render(<JoinForm />)
    expect(screen.queryByLabelText('Class PIN')).toBeNull()
    type('Class code', 'k7m-2qp')
    type('Your learner ID', ' s-1042 ')
    type('Your full name', 'Amina Phiri')
    await join()
    expect(screen.getByRole('alert').textContent).toBe(
      'This class has a PIN. Type the class PIN your teacher gave you.',
    )
    type('Class PIN', '4821')
    await join()
    expect(sessionStore.getState().user?.id).toBe('u-1')
    expect(sent).toEqual([
      { code: 'K7M-2QP', learnerId: 's-1042', name: 'Amina Phiri' },
      { code: 'K7M-2QP', learnerId: 's-1042', name: 'Amina Phiri', classPin: '4821' },
    ])
  })

  it("says each refusal in plain words, in the learner's language", async () => {
    server(
      refusal(404, 'unknown-class'),
      refusal(401, 'wrong-learner-pin', { missing: true }),
      refusal(429, 'too-many-tries'),
      refusal(400, 'bad-request', { field: 'name' }),
    )
    render(<JoinForm />)
    type('Class code', 'ZZZZZZ')
    type('Your learner ID', 's-1')
    type('Your full name', 'A')
    const say = async () => {
      await join()
      return screen.getByRole('alert').textContent
    }
    expect(await say()).toBe(
      'There is no class with this code. Check the code your teacher gave you.',
    )
    expect(await say()).toBe('This class needs your own PIN. Type the PIN your teacher gave you.')
    // its field is there now
    expect(screen.getByLabelText('Your PIN')).toBeTruthy()
    await act(() => i18n.changeLanguage('zh-CN'))
    type('你的个人密码', '000000')
    expect(await say()).toBe('尝试次数太多。请等几分钟再试。')
    expect(await say()).toBe('请检查“你的全名”中填写的内容。')
  })
})
