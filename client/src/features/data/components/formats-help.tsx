import type { MessageKey } from '../../../i18n/dictionary.ts';
import { useT } from '../../../i18n/i18n.tsx';

const POINTS: readonly MessageKey[] = [
  'data.formats.csv',
  'data.formats.xlsx',
  'data.formats.schoolWorkbook',
  'data.formats.zip',
  'data.formats.headers',
  'data.formats.money',
  'data.formats.kind',
  'data.formats.atomic',
];

export function FormatsHelp() {
  const t = useT();
  return (
    <section className="card" aria-labelledby="formats-title">
      <h2 id="formats-title" className="card-title">
        {t('data.formats.title')}
      </h2>
      <ul className="bullets">
        {POINTS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </section>
  );
}
