/** A supervisor's own notes: theirs, about one supervisee; no client is named or linked. */
export interface SupervisionNotesTable {
  id: string;
  practice_id: string;
  author_id: string;
  supervisee_id: string;
  text_enc: string; // sealed with the system key, bound to this row
  created_at: string;
}

export interface SupervisionTables {
  supervision_notes: SupervisionNotesTable;
}
