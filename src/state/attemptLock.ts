// One attempt is written by one tab only: a Web Lock per attempt, held while it is on screen.

/**
 * Takes the lock of an attempt: a release function, or null when another tab holds it (this
 * tab must then only show the attempt). Browsers without Web Locks always get the lock.
 */
export function holdAttempt(attemptId: string): Promise<(() => void) | null> {
  const locks = globalThis.navigator?.locks
  if (!locks) return Promise.resolve(() => undefined)
  return new Promise((resolve) => {
    void locks.request(`practica:attempt:${attemptId}`, { ifAvailable: true }, (lock) => {
      if (!lock) return resolve(null)
      // the lock is held until this promise settles
      return new Promise<void>((release) => resolve(() => release()))
    })
  })
}
