import { useQuery } from '@tanstack/react-query';
import { useT } from '../../../i18n/i18n.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useCan } from '../../../session/hooks/use-me.ts';
import { downloadMappingJson, importMappingsQueryOptions, useDeleteMappingMutation } from '../api/import-mappings.ts';
import { kindLabelKey } from './template-downloads.tsx';

/** The saved column-mapping presets of the user's counties: download as JSON (for `--mapping`), delete. */
export function MappingPresets() {
  const t = useT();
  const canImport = useCan('importData');
  const query = useQuery(importMappingsQueryOptions());
  const remove = useDeleteMappingMutation();
  const mappings = query.data ?? [];
  return (
    <section className="card" aria-labelledby="mapping-presets-title">
      <h2 id="mapping-presets-title" className="card-title">
        {t('mapping.presets.title')}
      </h2>
      <p className="muted small">{t('mapping.presets.intro')}</p>
      {query.isSuccess && mappings.length === 0 ? <p className="muted">{t('mapping.presets.empty')}</p> : null}
      {mappings.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="mapping-presets">
            <thead>
              <tr>
                <th scope="col">{t('mapping.presets.name')}</th>
                <th scope="col">{t('mapping.presets.kind')}</th>
                <th scope="col" className="num">
                  {t('mapping.presets.columns')}
                </th>
                <th scope="col">{t('mapping.presets.district')}</th>
                <th scope="col">{t('mapping.presets.createdBy')}</th>
                <th scope="col">{t('mapping.presets.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {mappings.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{t(kindLabelKey(m.kind))}</td>
                  <td className="num">{Object.keys(m.columns).length}</td>
                  <td>{m.districtCode ?? t('mapping.allDistricts')}</td>
                  <td className="small">
                    {m.createdBy} · {formatDateTime(m.createdAt)}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-plain small"
                      onClick={() => downloadMappingJson(m)}
                      aria-label={`${t('mapping.presets.download')}：${m.name}`}
                    >
                      {t('mapping.presets.download')}
                    </button>
                    {canImport ? (
                      <button
                        type="button"
                        className="button button-plain small text-error"
                        disabled={remove.isPending}
                        aria-label={`${t('mapping.presets.delete')}：${m.name}`}
                        onClick={() => {
                          if (window.confirm(t('mapping.presets.confirmDelete', { name: m.name }))) remove.mutate(m.id);
                        }}
                      >
                        {t('mapping.presets.delete')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {remove.isError ? (
        <p className="banner banner-error" role="alert">
          {t('mapping.presets.deleteFailed', { message: remove.error.message })}
        </p>
      ) : null}
    </section>
  );
}
