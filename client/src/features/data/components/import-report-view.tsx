import type { ImportIssue, ImportReport } from '@junheng/shared';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { formatInteger, MISSING } from '../../../lib/format.ts';
import { useDownloadImportIssuesMutation } from '../api/import-issues.ts';
import { RosterSummary } from './roster-summary.tsx';
import { kindLabelKey } from './template-downloads.tsx';

type Level = 'error' | 'warning';

function IssueRow({ issue, level }: { issue: ImportIssue; level: Level }) {
  const t = useT();
  return (
    <tr className={level === 'error' ? 'issue-error' : 'issue-warning'}>
      <td>
        <span className={`badge badge-${level}`}>
          {t(level === 'error' ? 'data.report.error' : 'data.report.warning')}
        </span>
      </td>
      <td className="cell-file" title={issue.file}>
        {issue.file}
      </td>
      <td className="num">{issue.row ?? t('data.report.wholeFile')}</td>
      <td>{issue.column ?? MISSING}</td>
      <td className="cell-value">{issue.value ?? MISSING}</td>
      <td className="cell-message">{issue.message}</td>
    </tr>
  );
}

/** The located issues as XLSX (文件/行/列/值/问题), to send back to the schools. */
function DownloadIssuesButton({ report }: { report: ImportReport }) {
  const t = useT();
  const [lang] = useLang();
  const download = useDownloadImportIssuesMutation();
  return (
    <div className="actions">
      <button
        type="button"
        className="button button-secondary"
        disabled={download.isPending}
        onClick={() => download.mutate({ report, lang })}
      >
        {download.isPending ? t('data.report.downloadingIssues') : t('data.report.downloadIssues')}
      </button>
      <span className="muted small">{t('data.report.downloadIssuesHint')}</span>
      {download.isError ? (
        <span className="text-error small" role="alert">
          {t('data.report.downloadIssuesFailed', { message: download.error.message })}
        </span>
      ) : null}
    </div>
  );
}

function toneOf(report: ImportReport): 'success' | 'info' | 'error' {
  if (report.errors.length > 0) return 'error';
  return report.applied ? 'success' : 'info';
}

/** The import report: what was recognised in each file and every located error and warning. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useT();
  const tone = toneOf(report);
  const countVars = {
    schools: formatInteger(report.counts.schools),
    stats: formatInteger(report.counts.school_stats),
    rotations: formatInteger(report.counts.rotations),
  };
  const statusText =
    tone === 'error'
      ? t(report.dryRun ? 'data.report.rejectedDryRun' : 'data.report.rejected', { count: report.errors.length })
      : t(report.applied ? 'data.report.applied' : 'data.report.dryRunClean');

  return (
    <section className="card import-report" aria-labelledby="report-title">
      <h2 id="report-title" className="card-title">
        {t('data.report.title')}
        {report.batchId !== null ? (
          <span className="muted small"> · {t('data.report.batch', { id: report.batchId })}</span>
        ) : null}
      </h2>
      <p className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
        {statusText}
      </p>

      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('data.report.files')}</th>
              <th scope="col">{t('data.report.kind')}</th>
              <th scope="col" className="num">
                {t('data.report.rows')}
              </th>
              <th scope="col">{t('data.report.encoding')}</th>
            </tr>
          </thead>
          <tbody>
            {report.files.map((file) => (
              <tr key={`${file.file}:${file.sha256}`}>
                <td className="cell-file">{file.file}</td>
                <td>
                  {file.kind ? (
                    t(kindLabelKey(file.kind))
                  ) : (
                    <span className="text-error">{t('data.kind.unknown')}</span>
                  )}
                </td>
                <td className="num">{formatInteger(file.rows)}</td>
                <td>{file.encoding ?? MISSING}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t(report.applied ? 'data.report.countsApplied' : 'data.report.counts', countVars)}</p>
      <RosterSummary rosters={report.rosters ?? []} />

      <h3 className="section-title">
        {t('data.report.issues')}{' '}
        <span className="muted small">
          {t('data.report.summaryIssues', { errors: report.errors.length, warnings: report.warnings.length })}
        </span>
      </h3>
      {report.truncated ? (
        <p className="banner banner-warning">{t('data.report.truncated', { count: report.errors.length })}</p>
      ) : null}
      {report.errors.length + report.warnings.length === 0 ? (
        <p className="muted">{t('data.report.noIssues')}</p>
      ) : (
        <>
          <DownloadIssuesButton report={report} />
          <div className="table-wrap">
            <table className="table issues-table">
              <thead>
                <tr>
                  <th scope="col">{t('data.report.level')}</th>
                  <th scope="col">{t('data.report.file')}</th>
                  <th scope="col" className="num">
                    {t('data.report.row')}
                  </th>
                  <th scope="col">{t('data.report.column')}</th>
                  <th scope="col">{t('data.report.value')}</th>
                  <th scope="col">{t('data.report.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((issue, index) => (
                  <IssueRow key={`e${index}`} issue={issue} level="error" />
                ))}
                {report.warnings.map((issue, index) => (
                  <IssueRow key={`w${index}`} issue={issue} level="warning" />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
