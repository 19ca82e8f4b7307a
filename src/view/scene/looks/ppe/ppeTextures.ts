// The printed faces of the PPE and tool looks (a multimeter's dial legend, a tester's voltage
// scale, a radio's screen, the PPE station's signs), each drawn once on a canvas and shared
// (printedTexture).
import type { CanvasTexture } from 'three'
import { printedTexture } from '../../resources.ts'

/** The dial positions of the multimeter, clockwise from the top in degrees, with their marks. */
export const METER_MODES = [
  ['OFF', -90],
  ['V~', -45],
  ['V⎓', 0],
  ['mV', 45],
  ['Ω', 90],
  ['Hz', 135],
  ['A', 180],
  ['mA', -135],
] as const

export type MeterMode = (typeof METER_MODES)[number][0]

/** The multimeter's face below its screen: the dial's legend, the keys and the input jacks. */
export function meterFaceTexture(): CanvasTexture | undefined {
  return printedTexture('meter-face', 256, 384, (ctx) => {
    ctx.fillStyle = '#2d3237'
    ctx.fillRect(0, 0, 256, 384)
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    // keys under the screen
    const keys = ['HOLD', 'RANGE', 'MIN MAX', '◐']
    keys.forEach((k, i) => {
      ctx.fillStyle = i === 3 ? '#f2c200' : '#4a5158'
      ctx.fillRect(10 + i * 61, 12, 53, 30)
      ctx.fillStyle = i === 3 ? '#222' : '#e8eaec'
      ctx.font = 'bold 15px sans-serif'
      ctx.fillText(k, 36 + i * 61, 28, 50)
    })
    // the dial's ring of modes round its centre (128, 170)
    ctx.strokeStyle = '#8d959c'
    ctx.lineWidth = 3
    ctx.beginPath()
    ctx.arc(128, 170, 70, 0, Math.PI * 2)
    ctx.stroke()
    for (const [mark, deg] of METER_MODES) {
      const a = ((deg - 90) * Math.PI) / 180
      ctx.fillStyle = mark === 'OFF' ? '#f2c200' : /A/.test(mark) ? '#ff6b5e' : '#ffffff'
      ctx.font = `bold ${mark.length > 2 ? 19 : 24}px sans-serif`
      ctx.fillText(mark, 128 + Math.cos(a) * 96, 170 + Math.sin(a) * 96)
      ctx.fillRect(128 + Math.cos(a) * 64 - 3, 170 + Math.sin(a) * 64 - 3, 6, 6)
    }
    // the jacks' legends
    ctx.font = 'bold 17px sans-serif'
    const jacks = [
      ['A', '#ff6b5e'],
      ['mA', '#ff6b5e'],
      ['COM', '#ffffff'],
      ['VΩ', '#ff6b5e'],
    ] as const
    jacks.forEach(([mark, color], i) => {
      ctx.fillStyle = color
      ctx.fillText(mark, 32 + i * 64, 300)
    })
    ctx.fillStyle = '#ff6b5e'
    ctx.font = 'bold 13px sans-serif'
    ctx.fillText('CAT III 1000V', 128, 368)
  })
}

/** The voltage levels of the tester's LED scale, from the bottom up. */
export const TESTER_LEVELS = [12, 24, 50, 120, 230, 400, 690] as const

/** The tester's scale: each LED's voltage beside it, and the danger mark. */
export function testerScaleTexture(): CanvasTexture | undefined {
  return printedTexture('tester-scale', 128, 384, (ctx) => {
    ctx.fillStyle = '#1f2327'
    ctx.fillRect(0, 0, 128, 384)
    ctx.fillStyle = '#ffffff'
    ctx.font = 'bold 30px sans-serif'
    ctx.textAlign = 'left'
    ctx.textBaseline = 'middle'
    TESTER_LEVELS.forEach((v, i) => {
      ctx.fillText(String(v), 58, 352 - i * 50)
    })
    ctx.font = 'bold 26px sans-serif'
    ctx.fillText('V', 58, 16)
  })
}

/** The radio's small screen: its channel and battery. */
export function radioScreenTexture(): CanvasTexture | undefined {
  return printedTexture('radio-screen', 128, 64, (ctx) => {
    ctx.fillStyle = '#9fc4a9'
    ctx.fillRect(0, 0, 128, 64)
    ctx.fillStyle = '#10261a'
    ctx.font = 'bold 34px monospace'
    ctx.textAlign = 'left'
    ctx.textBaseline = 'middle'
    ctx.fillText('CH 2', 8, 36)
    ctx.fillRect(100, 14, 20, 10)
    ctx.fillRect(120, 17, 3, 4)
  })
}

/** The PPE station's header: blue "wear" signs for head, eyes, ears and hands, in a white frame. */
export function ppeSignTexture(): CanvasTexture | undefined {
  return printedTexture('ppe-sign', 512, 128, (ctx) => {
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, 512, 128)
    ctx.fillStyle = '#1a5fb4'
    ctx.fillRect(6, 6, 500, 116)
    const signs = [drawHelmet, drawGlasses, drawMuffs, drawGlove]
    signs.forEach((draw, i) => {
      const cx = 64 + i * 128
      ctx.fillStyle = '#ffffff'
      ctx.beginPath()
      ctx.arc(cx, 64, 50, 0, Math.PI * 2)
      ctx.fill()
      ctx.fillStyle = '#1a5fb4'
      ctx.beginPath()
      ctx.arc(cx, 64, 44, 0, Math.PI * 2)
      ctx.fill()
      ctx.fillStyle = '#ffffff'
      ctx.strokeStyle = '#ffffff'
      draw(ctx, cx, 64)
    })
  })
}

type Pictogram = (ctx: CanvasRenderingContext2D, x: number, y: number) => void

const drawHelmet: Pictogram = (ctx, x, y) => {
  ctx.beginPath()
  ctx.arc(x, y + 10, 26, Math.PI, 0)
  ctx.fill()
  ctx.fillRect(x - 34, y + 8, 68, 8)
}

const drawGlasses: Pictogram = (ctx, x, y) => {
  ctx.lineWidth = 6
  for (const dx of [-14, 14]) {
    ctx.beginPath()
    ctx.ellipse(x + dx, y, 12, 10, 0, 0, Math.PI * 2)
    ctx.fill()
  }
  ctx.beginPath()
  ctx.moveTo(x - 36, y - 6)
  ctx.lineTo(x + 36, y - 6)
  ctx.stroke()
}

const drawMuffs: Pictogram = (ctx, x, y) => {
  ctx.lineWidth = 6
  ctx.beginPath()
  ctx.arc(x, y + 4, 24, Math.PI, 0)
  ctx.stroke()
  for (const dx of [-24, 24]) {
    ctx.beginPath()
    ctx.ellipse(x + dx, y + 10, 9, 15, 0, 0, Math.PI * 2)
    ctx.fill()
  }
}

const drawGlove: Pictogram = (ctx, x, y) => {
  ctx.fillRect(x - 14, y - 4, 28, 32)
  for (let i = 0; i < 4; i++) ctx.fillRect(x - 14 + i * 7.5, y - 28 + (i === 0 ? 6 : 0), 6, 26)
  ctx.save()
  ctx.translate(x + 14, y + 4)
  ctx.rotate(-0.7)
  ctx.fillRect(0, -4, 20, 7)
  ctx.restore()
}
