import type { Database } from '@junheng/db';
import type { AccessScope, SelfEvaluationQuery } from '@junheng/shared';
import type { Kysely } from 'kysely';
import { getFilingTables } from '../filing/filing.service.ts';
import { appendixTables } from './self-evaluation.appendix.ts';
import { composeSelfEvaluation, writeSelfEvaluationDocx } from './self-evaluation.document.ts';
import { getSelfEvaluationData } from './self-evaluation.service.ts';

export interface SelfEvaluationReport {
  docx: Buffer;
  fileName: string;
  /** Paragraphs, tables and charts of the body (the audit log's row count of this export). */
  paragraphs: number;
}

/** The 自评报告 of a county-year, ready to send: data from the services, words from the numbers, charts, 附表. */
export async function buildSelfEvaluationReport(
  db: Kysely<Database>,
  code: string,
  query: SelfEvaluationQuery,
  access: AccessScope,
  generatedAt: Date,
): Promise<SelfEvaluationReport> {
  const data = await getSelfEvaluationData(db, code, query.year, access);
  const blocks = composeSelfEvaluation(data, query.lang);
  const filing = await getFilingTables(db, code, { year: query.year, includePrivate: false, lang: query.lang }, access);
  const appendix = await appendixTables(filing.tables, query.lang);
  const docx = await writeSelfEvaluationDocx({ data, blocks, appendix, lang: query.lang, generatedAt });
  const county = data.context.district.name;
  const scope = data.context.accessScope.restricted
    ? `_${data.context.accessScope.townships.map((t) => t.name).join('、')}`
    : '';
  const fileName =
    query.lang === 'zh'
      ? `${county}_${query.year}_自评报告${scope}.docx`
      : `${county}_${query.year}_self-evaluation${scope}.docx`;
  return { docx, fileName: fileName.replace(/[\\/:*?"<>|\r\n]+/g, '-'), paragraphs: blocks.length };
}
