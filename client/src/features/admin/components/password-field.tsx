/** A new-password input with its label, and below it the error if any, else the hint. */
export function PasswordField({
  id,
  label,
  value,
  error,
  hint,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined | null;
  hint: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="form-field" htmlFor={id}>
      <span className="filter-label">{label}</span>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className={error ? 'text-error small' : 'muted small'}>{error ?? hint}</span>
    </label>
  );
}
