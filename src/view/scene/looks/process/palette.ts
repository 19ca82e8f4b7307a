// The colours of process equipment, as it is usually delivered and painted.
export const PROCESS = {
  /** Painted cast iron or steel valve bodies. */
  valveBody: '#3f4b57',
  /** Handwheels and lever grips. */
  handwheel: '#b3261e',
  grip: '#c62828',
  /** Bright steel: stems, levers, bolts. */
  steel: '#b9bec4',
  darkSteel: '#5d6670',
  brass: '#c9a448',
  /** Pumps and motors as they leave the works. */
  pump: '#1f5fa6',
  motor: '#2b5c8c',
  /** Guards over moving parts: safety yellow. */
  guard: '#f2b800',
  black: '#25282b',
  rubber: '#1f2225',
  /** Vessels and tanks. */
  vessel: '#aab3ba',
  tank: '#d8dcd6',
  nameplate: '#e9e6d8',
  /** What a sight glass shows when it is full. */
  liquid: '#1e7fd6',
  element: '#f1efe6',
  glass: '#dcefff',
} as const
