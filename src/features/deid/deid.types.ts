/** The identifier types Sanctum recognises (contract: docs cli.md section 4). */
export const ENTITY_TYPES = [
  'PERSON', 'LOCATION', 'ADDRESS', 'POSTCODE', 'DATE', 'AGE', 'PHONE', 'EMAIL', 'URL', 'IP', 'ID', 'ORGANISATION',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A detected identifier over the input string; end is exclusive (JavaScript string indices). */
export interface Span {
  start: number;
  end: number;
  type: EntityType;
  /** Higher wins when spans overlap: checksummed and known identifiers beat guesses. */
  priority: number;
  /** Which recogniser produced it (for tests and review; never shown in CLI output). */
  source: string;
}

export interface KnownIdentifier {
  text: string;
  type: EntityType;
}

export interface Entity {
  start: number;
  end: number;
  type: EntityType;
  replacement: string;
  /** The original text; for an in-app review screen only, never printed by the CLI by default. */
  text?: string;
}

export interface DeidResult {
  text: string;
  entities: Entity[];
}

export type Recogniser = (text: string) => Span[];

export const span = (start: number, end: number, type: EntityType, priority: number, source: string): Span => ({
  start, end, type, priority, source,
});

/** Priorities, highest first. */
export const P = {
  known: 75,
  checksum: 90,
  structured: 80,
  phone: 70,
  date: 65,
  address: 60,
  context: 50,
  gazetteer: 40,
  safetyNet: 20,
  generic: 10,
} as const;
