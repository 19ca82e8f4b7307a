// The sound of a critical hazard on the live class view: a short two-tone beep made with WebAudio
// (no sound file). Browsers let a page sound only after the person has used it; until then the
// beep is silent and the red border says it alone.
let context: AudioContext | null = null

/** Plays the beep once (about 0.4 s). */
export function soundAlarm(): void {
  const Context = globalThis.AudioContext
  if (!Context) return
  try {
    context ??= new Context()
    const ctx = context
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined)
    const start = ctx.currentTime
    const gain = ctx.createGain()
    gain.connect(ctx.destination)
    gain.gain.setValueAtTime(0.0001, start)
    for (const [i, hz] of [880, 660].entries()) {
      const at = start + i * 0.2
      const tone = ctx.createOscillator()
      tone.type = 'sine'
      tone.frequency.setValueAtTime(hz, at)
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.18)
      tone.connect(gain)
      tone.start(at)
      tone.stop(at + 0.19)
    }
  } catch {
    // no sound on this computer: the red border and the words still say it
  }
}
