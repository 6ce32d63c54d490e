import type { CountyQuery } from '../../../county-view/county-query.ts';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { routeUrl } from '../../../lib/api-client.ts';

/** The 自评报告 of the county-year as Word, in the UI's language (the server applies the user's scope). */
export function selfEvaluationUrl(county: Pick<CountyQuery, 'code' | 'year'>, lang: 'zh' | 'en'): string {
  return routeUrl('getSelfEvaluation', {
    params: { code: county.code },
    query: { year: county.year, lang: lang === 'en' ? 'en' : undefined },
  });
}

/** 总览's download of the 自评报告 (.docx): the whole county (within the user's scope) for the year shown. */
export function SelfEvaluationLink({ county }: { county: Pick<CountyQuery, 'code' | 'year'> }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <a
      className="button button-secondary button-small"
      href={selfEvaluationUrl(county, lang)}
      download
      title={t('overview.selfEvaluation.hint', { year: county.year })}
    >
      {t('overview.selfEvaluation.download')}
    </a>
  );
}
