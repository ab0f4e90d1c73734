/** A field's own problem, after its control; its id goes in the control's aria-describedby. */
export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      <span aria-hidden="true">! </span>
      {message}
    </p>
  );
}
