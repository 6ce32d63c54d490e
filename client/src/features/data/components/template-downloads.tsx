import type { ImportKind } from '@junheng/shared';
import { useT } from '../../../i18n/i18n.tsx';
import { TEMPLATE_FORMATS, TEMPLATE_KINDS, templateUrl } from '../api/templates.ts';

export function kindLabelKey(kind: ImportKind) {
  return `data.kind.${kind}` as const;
}

export function TemplateDownloads() {
  const t = useT();
  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title" className="card-title">
        {t('data.templates.title')}
      </h2>
      <p className="muted">{t('data.templates.description')}</p>
      <ul className="template-list">
        {TEMPLATE_KINDS.map((kind) => (
          <li key={kind} className="template-item">
            <span className="template-name">{t(kindLabelKey(kind))}</span>
            <span className="template-links">
              {TEMPLATE_FORMATS.map((format) => (
                <a
                  key={format}
                  className="button button-secondary button-small"
                  href={templateUrl(kind, format)}
                  download
                  aria-label={`${t(kindLabelKey(kind))} ${format.toUpperCase()}`}
                >
                  {format.toUpperCase()}
                </a>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
