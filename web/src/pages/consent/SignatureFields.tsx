import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { SignaturePad } from './SignaturePad.js';

export type SignatureMethod = 'typed' | 'drawn';

/** How the signature is given: the typed name, or a drawing in a box that appears when chosen. */
export function SignatureFields({ legend, typedLabel, drawnLabel, method, onMethod, onImage, errors }: {
  legend: string;
  typedLabel: string;
  drawnLabel: string;
  method: SignatureMethod;
  onMethod: (m: SignatureMethod) => void;
  onImage: (png: string | null) => void;
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <ChoiceGroup
        type="radio"
        className="choice"
        name="method"
        legend={legend}
        error={errors.method}
        options={[{ value: 'typed', label: typedLabel }, { value: 'drawn', label: drawnLabel }]}
        values={[method]}
        onChange={([m]) => onMethod(m as SignatureMethod)}
      />
      {method === 'drawn' && <SignaturePad label="Signature drawing area" onChange={onImage} error={errors.image} />}
    </>
  );
}
