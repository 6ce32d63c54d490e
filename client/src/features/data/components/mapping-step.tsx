import {
  type ColumnDefinition,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  type ImportKind,
  type ImportMappingInput,
  type ImportReport,
  type InspectedColumn,
  type InspectedFile,
} from '@junheng/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { districtsQueryOptions } from '../../../districts/api/districts.ts';
import { useSelectedDistrict } from '../../../districts/hooks/use-selected-district.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { MISSING } from '../../../lib/format.ts';
import { useMe } from '../../../session/hooks/use-me.ts';
import { downloadMappingJson, inspectFiles, previewMapping, useSaveMappingMutation } from '../api/import-mappings.ts';
import { ImportReportView } from './import-report-view.tsx';
import { kindLabelKey } from './template-downloads.tsx';

const SAMPLE_SHOWN = 3;

export function fieldLabel(column: ColumnDefinition): string {
  return `${column.zh}${column.unit ? `(${column.unit})` : ''} · ${column.key}`;
}

interface TreeNode {
  label: string;
  children: TreeNode[];
  column: InspectedColumn | null;
}

/** The columns' header paths as a tree: a merged group once, with its columns under it. */
export function headerTree(columns: readonly InspectedColumn[]): TreeNode[] {
  const roots: TreeNode[] = [];
  for (const column of columns) {
    if (column.path.length === 0) continue;
    let level = roots;
    column.path.forEach((part, i) => {
      const leaf = i === column.path.length - 1;
      // A group continues only while it is the last node of its level (a group repeated later is a new node).
      let node = leaf ? undefined : level[level.length - 1];
      if (!node || node.label !== part || node.column !== null) {
        node = { label: part, children: [], column: leaf ? column : null };
        level.push(node);
      }
      level = node.children;
    });
  }
  return roots;
}

function TreeList({ nodes }: { nodes: readonly TreeNode[] }) {
  const t = useT();
  return (
    <ul>
      {nodes.map((node, i) => (
        <li key={`${node.label}:${i}`}>
          <span className={node.column ? 'tree-leaf' : 'tree-group'}>{node.label}</span>
          {node.column ? (
            <span className="muted small"> {t('mapping.columnLetter', { letter: node.column.letter })}</span>
          ) : null}
          {node.children.length > 0 ? <TreeList nodes={node.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

function formatValue(value: unknown, t: ReturnType<typeof useT>): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'boolean') return value ? t('mapping.yes') : t('mapping.no');
  return String(value);
}

function PreviewRows({ kind, report, mapped }: { kind: ImportKind; report: ImportReport; mapped: readonly string[] }) {
  const t = useT();
  const preview = report.preview;
  const rows: readonly object[] =
    kind === 'schools'
      ? (preview?.schools ?? [])
      : kind === 'school_stats'
        ? (preview?.stats ?? [])
        : (preview?.rotations ?? []);
  const columns = IMPORT_COLUMNS[kind].filter((c) => mapped.includes(c.key));
  return (
    <div className="mapping-preview">
      <h3 className="card-subtitle">{t('mapping.previewTitle', { count: rows.length })}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('mapping.previewEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="mapping-preview">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.zh}
                    {c.type === 'money' ? '(元)' : ''}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.key} className={c.type === 'text' || c.type === 'code' ? '' : 'num'}>
                      {formatValue((row as Record<string, unknown>)[c.field], t)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ImportReportView report={report} />
    </div>
  );
}

function initialFields(file: InspectedFile): { kind: ImportKind; byColumn: Record<number, string> } {
  const kind = file.suggestion?.kind ?? 'school_stats';
  const byColumn: Record<number, string> = {};
  for (const [key, label] of Object.entries(file.suggestion?.columns ?? {})) {
    const column = file.columns.find((c) => c.label === label);
    if (column) byColumn[column.index] = key;
  }
  return { kind, byColumn };
}

function baseName(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

function MappingForm({
  inspected,
  files,
  onImport,
  onClose,
}: {
  inspected: InspectedFile;
  files: readonly File[];
  onImport: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const ids = useId();
  const me = useMe();
  const districts = useQuery(districtsQueryOptions()).data ?? [];
  const { district } = useSelectedDistrict();
  const scoped = me?.user.districtCodes ?? null;
  const [state, setState] = useState(() => initialFields(inspected));
  const [name, setName] = useState(() => baseName(inspected.file));
  const [districtCode, setDistrictCode] = useState<string>(
    () => (scoped !== null && scoped.length === 1 ? scoped[0] : district?.code) ?? '',
  );
  const preview = useMutation({ mutationFn: (mapping: ImportMappingInput) => previewMapping(files, mapping) });
  const save = useSaveMappingMutation();
  const [previewed, setPreviewed] = useState<string | null>(null);

  const definitions = IMPORT_COLUMNS[state.kind];
  const mapping: ImportMappingInput = useMemo(() => {
    const columns: Record<string, string> = {};
    for (const c of inspected.columns) {
      const key = state.byColumn[c.index];
      if (key && c.label !== '') columns[key] = c.label;
    }
    return {
      name: name.trim(),
      kind: state.kind,
      signature: inspected.signature,
      columns,
      firstDataRow: inspected.firstDataRow,
      districtCode: districtCode === '' ? null : districtCode,
    };
  }, [inspected, state, name, districtCode]);
  const mappedKeys = Object.keys(mapping.columns);
  const missing = definitions.filter((c) => c.required && !mappedKeys.includes(c.key));
  const usedBy = new Map<string, string>();
  for (const c of inspected.columns) {
    const key = state.byColumn[c.index];
    if (key) usedBy.set(key, c.letter);
  }
  const signatureOfMapping = JSON.stringify(mapping);
  const canSubmit = missing.length === 0 && mapping.name !== '';
  const visibleDistricts = scoped === null ? districts : districts.filter((d) => scoped.includes(d.code));

  const setKind = (kind: ImportKind) => {
    const byColumn: Record<number, string> = {};
    const keys = new Set(IMPORT_COLUMNS[kind].map((c) => c.key));
    for (const [index, key] of Object.entries(state.byColumn)) if (keys.has(key)) byColumn[Number(index)] = key;
    setState({ kind, byColumn });
  };
  const setField = (index: number, key: string) => {
    const byColumn = { ...state.byColumn };
    if (key === '') delete byColumn[index];
    else byColumn[index] = key;
    setState({ ...state, byColumn });
  };
  const runPreview = () => {
    setPreviewed(signatureOfMapping);
    preview.mutate(mapping);
  };
  const runSave = (thenImport: boolean) =>
    save.mutate(mapping, {
      onSuccess: () => {
        if (thenImport) onImport();
      },
    });

  const headerRows =
    inspected.headerRows.length > 1
      ? `${inspected.headerRows[0]}–${inspected.headerRows[inspected.headerRows.length - 1]}`
      : String(inspected.headerRows[0] ?? MISSING);
  const metaVars = {
    sheet: inspected.sheet ?? '',
    rows: headerRows,
    first: inspected.firstDataRow ?? MISSING,
    count: inspected.dataRows,
  };

  return (
    <>
      <p className="muted small">{t(inspected.sheet ? 'mapping.meta' : 'mapping.metaCsv', metaVars)}</p>
      <div className="mapping-controls">
        <label htmlFor={`${ids}-kind`}>
          {t('mapping.kind')}
          <select id={`${ids}-kind`} value={state.kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
            {IMPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(kindLabelKey(kind))}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${ids}-name`}>
          {t('mapping.name')}
          <input id={`${ids}-name`} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <label htmlFor={`${ids}-district`}>
          {t('mapping.district')}
          <select id={`${ids}-district`} value={districtCode} onChange={(e) => setDistrictCode(e.target.value)}>
            {scoped === null ? <option value="">{t('mapping.allDistricts')}</option> : null}
            {visibleDistricts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}（{d.code}）
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="mapping-grid">
        <div className="mapping-tree">
          <h3 className="card-subtitle">{t('mapping.tree')}</h3>
          <p className="muted small">{t('mapping.treeHint')}</p>
          <TreeList nodes={headerTree(inspected.columns)} />
        </div>
        <div className="table-scroll mapping-columns">
          <table className="table" data-testid="mapping-table">
            <caption className="visually-hidden">{t('mapping.table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mapping.table.column')}</th>
                <th scope="col">{t('mapping.table.header')}</th>
                <th scope="col">{t('mapping.table.samples')}</th>
                <th scope="col">{t('mapping.table.field')}</th>
              </tr>
            </thead>
            <tbody>
              {inspected.columns
                .filter((c) => c.label !== '')
                .map((c) => {
                  const selectId = `${ids}-col-${c.index}`;
                  const current = state.byColumn[c.index] ?? '';
                  return (
                    <tr key={c.index} className={current ? 'mapped' : undefined}>
                      <td>{c.letter}</td>
                      <th scope="row">
                        <label htmlFor={selectId}>{c.path.join(' › ')}</label>
                      </th>
                      <td className="muted small">
                        {inspected.sampleRows
                          .slice(0, SAMPLE_SHOWN)
                          .map((r) => r.cells[c.index] || MISSING)
                          .join('、')}
                      </td>
                      <td>
                        <select
                          id={selectId}
                          data-column={c.label}
                          value={current}
                          onChange={(e) => setField(c.index, e.target.value)}
                        >
                          <option value="">{t('mapping.ignore')}</option>
                          {definitions.map((d) => {
                            const other = usedBy.get(d.key);
                            const taken = other !== undefined && other !== c.letter;
                            return (
                              <option key={d.key} value={d.key} disabled={taken}>
                                {fieldLabel(d)}
                                {d.required ? ` · ${t('mapping.required')}` : ''}
                                {taken ? ` ${t('mapping.fieldUsed', { letter: other })}` : ''}
                              </option>
                            );
                          })}
                        </select>
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      </div>

      <p className="mapping-status" aria-live="polite">
        {t('mapping.status', { count: mappedKeys.length })}{' '}
        {missing.length > 0 ? (
          <span className="text-error">{t('mapping.missing', { fields: missing.map((c) => c.zh).join('、') })}</span>
        ) : (
          <span className="text-success">{t('mapping.complete')}</span>
        )}
      </p>

      <details className="mapping-samples">
        <summary>{t('mapping.samples', { count: inspected.sampleRows.length })}</summary>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('mapping.sampleRow')}</th>
                {inspected.columns.map((c) => (
                  <th key={c.index} scope="col" title={c.label}>
                    {c.letter}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {inspected.sampleRows.map((r) => (
                <tr key={r.rowNumber}>
                  <td className="num">{r.rowNumber}</td>
                  {r.cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={!canSubmit || preview.isPending}
          onClick={runPreview}
        >
          {preview.isPending ? t('mapping.previewing') : t('mapping.preview')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!canSubmit || save.isPending || save.isSuccess}
          onClick={() => runSave(false)}
        >
          {save.isPending ? t('mapping.saving') : t('mapping.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!canSubmit || save.isPending || save.isSuccess}
          onClick={() => runSave(true)}
        >
          {t('mapping.saveAndImport')}
        </button>
        <button
          type="button"
          className="button button-plain"
          disabled={!canSubmit}
          onClick={() => downloadMappingJson(mapping)}
        >
          {t('mapping.download')}
        </button>
        <button type="button" className="button button-plain" onClick={onClose}>
          {t('mapping.close')}
        </button>
      </div>
      {save.isSuccess ? (
        <p className="banner banner-success" role="status">
          {t('mapping.saved', { name: save.data.name })}
        </p>
      ) : null}
      {save.isError ? (
        <p className="banner banner-error" role="alert">
          {t('mapping.saveFailed', { message: save.error.message })}
        </p>
      ) : null}
      {preview.isError ? (
        <p className="banner banner-error" role="alert">
          {t('mapping.previewFailed', { message: preview.error.message })}
        </p>
      ) : null}
      {preview.isSuccess ? (
        <>
          {previewed !== signatureOfMapping ? <p className="muted small">{t('mapping.previewStale')}</p> : null}
          <PreviewRows kind={state.kind} report={preview.data} mapped={mappedKeys} />
        </>
      ) : null}
    </>
  );
}

/**
 * The mapping step for one unrecognised file (issue #13 point 3): its header tree and sample rows, a field for each
 * column, a preview of the values that would be stored, then a named preset (saved, downloaded) and the import.
 */
export function MappingStep({
  file,
  files,
  onImport,
  onClose,
}: {
  file: File;
  /** The other files of the upload: the preview and the import run with all of them. */
  files: readonly File[];
  onImport: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const inspection = useQuery({
    queryKey: ['imports', 'inspect', file.name, file.size, file.lastModified],
    queryFn: ({ signal }) => inspectFiles([file], signal),
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const inspected = inspection.data?.files[0];
  return (
    <section className="card mapping-step" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {t('mapping.title', { file: file.name })}
      </h2>
      <p>{t('mapping.intro')}</p>
      {inspection.isPending ? <p className="muted">{t('mapping.loading')}</p> : null}
      {inspection.isError ? (
        <p className="banner banner-error" role="alert">
          {t('mapping.failed', { message: inspection.error.message })}
        </p>
      ) : null}
      {inspected?.recognised ? (
        <p className="banner banner-info">
          {t('mapping.recognised', {
            how: inspected.preset
              ? t('mapping.recognisedPreset', { name: inspected.preset.name })
              : t('mapping.recognisedTemplate'),
          })}
        </p>
      ) : null}
      {inspected && !inspected.recognised && inspected.columns.length === 0 ? (
        <p className="banner banner-error" role="alert">
          {t('mapping.notTable', { message: inspected.message ?? '' })}
        </p>
      ) : null}
      {inspected && !inspected.recognised && inspected.columns.length > 0 ? (
        <MappingForm
          inspected={inspected}
          files={[file, ...files.filter((f) => f !== file)]}
          onImport={onImport}
          onClose={onClose}
        />
      ) : null}
    </section>
  );
}
