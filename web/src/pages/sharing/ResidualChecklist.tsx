import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { type Draft, RESIDUAL_LABELS } from './types.js';

const ANSWERS = Object.entries(RESIDUAL_LABELS).map(([value, label]) => ({ value, label }));
const REASONS: Record<string, string> = { number: 'a number', occupation: 'an occupation', event: 'an unusual event', superlative: 'a superlative', condition: 'a condition' };

/** Details that identify without a name: the flagged sentences, then questions the practitioner answers. */
export function ResidualChecklist({ draft, answers, errors, onChange }: { draft: Draft; answers: Record<string, string>; errors: Record<string, string>; onChange: (q: string, a: string) => void }) {
  return (
    <Card title="Residual risk" description="Someone who knows the client could recognise them from details that are not names. Read these sentences again, then answer each question.">
      {draft.flags.length > 0 ? (
        <ul className="flag-list" data-testid="residual-flags">
          {draft.flags.map((f, i) => (
            <li key={i}>
              <span className="muted">{draft.parts[f.part]?.label}: </span>
              {f.sentence} <span className="badge badge-flag">{f.reasons.map((r) => REASONS[r] ?? r).join(', ')}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-inline">No sentences were flagged. The questions still apply.</p>
      )}
      {draft.questions.map((q) => {
        const name = `residual.${q.id}`;
        return (
          <ChoiceGroup
            key={q.id}
            type="radio"
            className={`choice-row residual-q${errors[name] ? ' field-invalid' : ''}`}
            legend={q.text}
            name={name}
            options={ANSWERS}
            values={answers[q.id] ? [answers[q.id]] : []}
            onChange={([a]) => onChange(q.id, a)}
            error={errors[name]}
          />
        );
      })}
    </Card>
  );
}
