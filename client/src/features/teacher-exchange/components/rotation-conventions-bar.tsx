import { ROTATION_MULTI_YEAR_MODES, ROTATION_RATIO_SCHOOLS } from '@junheng/shared';
import { useId } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import type { RotationConventions } from '../rotation-conventions-param.ts';

/** The two rotation conventions the policy leaves open (issue #9), as controls kept in the URL. */
export function RotationConventionsBar({
  conventions,
  onChange,
}: {
  conventions: RotationConventions;
  onChange: (patch: Partial<RotationConventions>) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <section className="card rot-conventions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {t('teacherExchange.conventions.title')}
      </h2>
      <div className="rot-conventions-fields">
        <label className="filter-field" htmlFor={`${id}-multi`}>
          <span className="filter-label">{t('teacherExchange.conventions.multiYear')}</span>
          <select
            id={`${id}-multi`}
            value={conventions.multiYear}
            onChange={(event) => onChange({ multiYear: event.target.value as RotationConventions['multiYear'] })}
          >
            {ROTATION_MULTI_YEAR_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`teacherExchange.conventions.multiYear.${mode}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field" htmlFor={`${id}-ratio`}>
          <span className="filter-label">{t('teacherExchange.conventions.ratioSchools')}</span>
          <select
            id={`${id}-ratio`}
            value={conventions.ratioSchools}
            onChange={(event) => onChange({ ratioSchools: event.target.value as RotationConventions['ratioSchools'] })}
          >
            {ROTATION_RATIO_SCHOOLS.map((schools) => (
              <option key={schools} value={schools}>
                {t(`teacherExchange.conventions.ratioSchools.${schools}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">{t('teacherExchange.conventions.note')}</p>
    </section>
  );
}
