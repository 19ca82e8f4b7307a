import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDuration, formatTimestamp, parseTimestamp } from '../../../src/core/export/time.ts'

describe('timestamps', () => {
  it('formats milliseconds since the epoch as Date.toISOString does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
        expect(formatTimestamp(ms)).toBe(new Date(ms).toISOString())
      }),
    )
  })

  it('reads an ISO 8601 date-time with a zone as Date.parse does', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (date, offset) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, -1)
          const zone =
            (offset < 0 ? '-' : '+') +
            String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0') +
            ':' +
            String(Math.abs(offset) % 60).padStart(2, '0')
          expect(parseTimestamp(local + zone)).toBe(Date.parse(local + zone))
          expect(parseTimestamp(local + zone)).toBe(date.getTime())
        },
      ),
    )
  })

  it('reads the zone forms Z, +08:00 and -0330, and a fraction of any length', () => {
    expect(parseTimestamp('2026-11-28T09:00:00Z')).toBe(Date.UTC(2026, 10, 28, 9))
    expect(parseTimestamp('2026-11-28T17:00:00.5+08:00')).toBe(Date.UTC(2026, 10, 28, 9, 0, 0, 500))
    expect(parseTimestamp('2026-11-28T05:30:00.123456-0330')).toBe(
      Date.UTC(2026, 10, 28, 9, 0, 0, 123),
    )
  })

  it('refuses a date-time without a zone, or an impossible date or time', () => {
    for (const text of [
      '',
      '2026-11-28T09:00:00',
      '2026-11-28',
      '2026-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-28T24:00:00Z',
      '2026-11-28T09:00:00+25:00',
      'yesterday',
    ])
      expect(parseTimestamp(text), text).toBeUndefined()
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29))
  })
})

describe('durations', () => {
  it('writes hours, minutes and seconds with up to three decimals', () => {
    expect(formatDuration(0)).toBe('PT0S')
    expect(formatDuration(16_000)).toBe('PT16S')
    expect(formatDuration(11_200)).toBe('PT11.2S')
    expect(formatDuration(62_000)).toBe('PT1M2S')
    expect(formatDuration(3_600_000)).toBe('PT1H')
    expect(formatDuration(3_723_045)).toBe('PT1H2M3.045S')
    expect(formatDuration(120_000)).toBe('PT2M')
    expect(formatDuration(-5)).toBe('PT0S')
  })
})
