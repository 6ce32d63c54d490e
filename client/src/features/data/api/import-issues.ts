import type { ImportReport } from '@junheng/shared';
import { useMutation } from '@tanstack/react-query';
import type { Lang } from '../../../i18n/translate.ts';
import { apiDownload } from '../../../lib/api-client.ts';

/**
 * Sends the report's located errors and warnings back to the server and saves the XLSX it makes of them (文件/行/列/
 * 值/问题), for the analyst to pass on to the schools. The report is not stored server-side: a dry run writes nothing.
 */
export async function downloadImportIssues(report: ImportReport, lang: Lang): Promise<void> {
  const { blob, fileName } = await apiDownload('exportImportIssues', {
    query: { lang },
    body: { errors: report.errors, warnings: report.warnings, truncated: report.truncated },
  });
  saveBlob(blob, fileName ?? (lang === 'zh' ? '导入问题清单.xlsx' : 'Import issues.xlsx'));
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useDownloadImportIssuesMutation() {
  return useMutation({
    mutationFn: ({ report, lang }: { report: ImportReport; lang: Lang }) => downloadImportIssues(report, lang),
  });
}
