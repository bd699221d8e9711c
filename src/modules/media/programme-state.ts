export type ProgrammeState = 'upcoming' | 'on_air' | 'finished';

/** A programme is on air from its start (inclusive) to its stop (exclusive). */
export function programmeState(programme: { start: Date; stop: Date }, now: number): ProgrammeState {
  if (now < programme.start.getTime()) return 'upcoming';
  if (now < programme.stop.getTime()) return 'on_air';
  return 'finished';
}
