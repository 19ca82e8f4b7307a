// The built app for the browser benchmarks: built and served once per run, shared by each of them.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM, serveBuiltApp } from '../browser/server.ts'

let served: ReturnType<typeof serveBuiltApp> | undefined

/** The URL of the app as users get it (a production build under .bench/), built on first use. */
export async function appUrl(): Promise<string> {
  served ??= serveBuiltApp('.bench/dist-app')
  return (await served).url
}

/** Headless Chromium from Debian; a clear error where it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install chromium"`)
  return chromium.launch({ executablePath: CHROMIUM, args: ['--disable-quic'] })
}

/** Stops the app's server, if one was started. */
export async function stopApp(): Promise<void> {
  if (served) (await served).stop()
  served = undefined
}
