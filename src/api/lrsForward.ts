// The LRS forwarding dashboard's figures on the wire: what the server sends
// (src/server/lrs/forward/routes.ts) and the admin's screen reads
// (src/state/classroom/lrsForward.ts). Types only, one declaration for both sides.

/** What the dashboard shows. */
export interface ForwardStatus {
  readonly configured: boolean
  readonly endpoint: string | null
  readonly username: string | null
  readonly paused: boolean
  /** statements still to send (refused ones not counted) */
  readonly pending: number
  readonly delivered: number
  /** statements the receiver refused as invalid, passed over */
  readonly refused: number
  readonly lastDeliveredAt: string | null
  readonly lastError: { status: number | null; message: string; at: string } | null
  /** failed sends in a row */
  readonly failures: number
  /** when the next try is due after a failure */
  readonly nextAttemptAt: string | null
}
