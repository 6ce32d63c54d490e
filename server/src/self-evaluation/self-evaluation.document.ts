import { SCORECARD_AREA_LABELS, STAGE_LABELS } from '@junheng/shared';
import { buildCvBarOption } from '@junheng/shared/charts/build-cv-bar-option.ts';
import {
  buildTownshipPassOption,
  summarizeTownshipPass,
  townshipPassHeight,
} from '@junheng/shared/charts/build-township-pass-option.ts';
import type { Lang } from '@junheng/shared/charts/chart-messages.ts';
import type { ChartOption } from '@junheng/shared/charts/chart-option.ts';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { renderChartPng } from './render-chart.ts';
import type { DocumentTable } from './self-evaluation.appendix.ts';
import type { SelfEvaluationData } from './self-evaluation.service.ts';
import {
  buildMeasureTable,
  buildResourceTable,
  buildScorecardTable,
  describeBasics,
  describeMeasures,
  describeProblems,
  describeResourceStage,
  describeScorecardArea,
  reportTitle,
  SECTION_TITLES,
} from './self-evaluation.text.ts';

/** One element of the report body, in reading order: the words and tables are decided here, the layout in writeDocx. */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: DocumentTable }
  | { kind: 'chart'; option: ChartOption; width: number; height: number; caption: string };

/** Width of a chart on an A4 page with 2.5 cm margins, in CSS pixels (16 cm at 96 dpi ≈ 600). */
const CHART_WIDTH = 600;

const stageName = (stage: keyof typeof STAGE_LABELS, lang: Lang) =>
  lang === 'zh' ? STAGE_LABELS[stage].zh : STAGE_LABELS[stage].en;

/**
 * The report body (sections 一 to 七) from the data, pure: paragraphs from the text builders, tables, and the charts
 * as the options of the client's own builders (CV bars against the limit per stage, schools passing per township).
 */
export function composeSelfEvaluation(data: SelfEvaluationData, lang: Lang): ReportBlock[] {
  const zh = lang === 'zh';
  const county = data.context.district.name;
  const blocks: ReportBlock[] = [];
  const heading = (title: { zh: string; en: string }) => blocks.push({ kind: 'heading', level: 1, text: title[lang] });
  const paragraphs = (texts: readonly string[]) => {
    for (const text of texts) blocks.push({ kind: 'paragraph', text });
  };
  let tableNumber = 0;
  let figureNumber = 0;
  const table = (title: string, body: { header: string[]; rows: string[][] }) => {
    tableNumber += 1;
    blocks.push({
      kind: 'table',
      table: { title: zh ? `表${tableNumber}  ${title}` : `Table ${tableNumber}. ${title}`, ...body },
    });
  };
  const chart = (option: ChartOption, height: number, caption: string) => {
    figureNumber += 1;
    blocks.push({
      kind: 'chart',
      option,
      width: CHART_WIDTH,
      height,
      caption: zh ? `图${figureNumber}  ${caption}` : `Figure ${figureNumber}. ${caption}`,
    });
  };
  const counted = data.stages.filter((s) => s.balance.schoolsCounted > 0);

  heading(SECTION_TITLES.basics);
  if (data.context.accessScope.restricted) {
    const area = data.context.accessScope.townships.map((t) => t.name).join(zh ? '、' : ', ');
    paragraphs([
      zh
        ? `说明：本报告按当前用户的访问范围（${area}）生成，县级数值均按此范围计算。`
        : `Note: this report covers the user's access scope (${area}); county figures are computed over that scope.`,
    ]);
  }
  paragraphs(describeBasics(county, data.profile, data.stages, lang));

  heading(SECTION_TITLES.resource);
  for (const evaluation of counted) {
    const s = stageName(evaluation.stage, lang);
    blocks.push({
      kind: 'heading',
      level: 2,
      text: zh ? `（${evaluation.stage === 'primary' ? '一' : '二'}）${s}` : s,
    });
    paragraphs(describeResourceStage(evaluation, lang));
    table(
      zh ? `${s}资源配置 7 项指标校际差异系数` : `${s}: coefficients of variation of the 7 indicators`,
      buildResourceTable(evaluation.balance, lang),
    );
    chart(
      buildCvBarOption(evaluation.balance.indicators, { lang, cvLimit: evaluation.balance.cvLimit }),
      300,
      zh ? `${s} 7 项指标差异系数与限值` : `${s}: CVs against the limit`,
    );
  }
  const townshipRows = summarizeTownshipPass(counted.flatMap((s) => s.balance.schools));
  if (townshipRows.length > 0) {
    chart(
      buildTownshipPassOption(townshipRows, { lang }),
      townshipPassHeight(townshipRows.length),
      zh
        ? '各乡镇资源配置达标学校（小学与初中）'
        : 'Schools passing resource allocation by township (primary and junior)',
    );
  }

  for (const area of ['guarantee', 'quality', 'recognition'] as const) {
    heading(SECTION_TITLES[area]);
    paragraphs(describeScorecardArea(data.scorecard.items, area, lang));
    table(SCORECARD_AREA_LABELS[area][lang], buildScorecardTable(data.scorecard.items, area, lang));
  }

  heading(SECTION_TITLES.problems);
  paragraphs(describeProblems(data, lang));

  heading(SECTION_TITLES.measures);
  for (const evaluation of counted) {
    paragraphs(describeMeasures(evaluation, lang));
    const measures = buildMeasureTable(evaluation.distance, lang);
    if (measures.rows.length > 0) {
      const s = stageName(evaluation.stage, lang);
      table(zh ? `${s}各校补短板测算` : `${s}: what each school must add`, measures);
    }
  }
  return blocks;
}

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
/** Half-points. */
const BODY_SIZE = 24;
const TABLE_SIZE = 18;
const APPENDIX_SIZE = 15;
/** A4 (11906 × 16838 twips) less the margins: 2.5 cm (1418) portrait, 2 cm (1134) landscape. */
const PORTRAIT_MARGIN = 1418;
const LANDSCAPE_MARGIN = 1134;
const PORTRAIT_TEXT_WIDTH = 11906 - 2 * PORTRAIT_MARGIN;
const LANDSCAPE_TEXT_WIDTH = 16838 - 2 * LANDSCAPE_MARGIN;

/** Display width of text in half-em units: CJK characters take two, others one. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

/**
 * Column widths (twips, summing to `total`) in proportion to what the columns hold: the longest cell, or half the
 * header (headers may wrap), plus cell padding, between 10 and 30 half-ems: school names get room, yes/no columns little.
 */
export function columnWidths(table: Pick<DocumentTable, 'header' | 'rows'>, total: number): number[] {
  const weights = table.header.map((header, i) => {
    const longest = Math.max(0, ...table.rows.map((row) => textWidth(row[i] ?? '')));
    return Math.min(30, Math.max(10, longest + 3, Math.ceil(textWidth(header) / 2) + 3));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.floor((weight / sum) * total));
}

function tableOf(table: DocumentTable, size: number, totalWidth: number): (Paragraph | Table)[] {
  const widths = columnWidths(table, totalWidth);
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      children: [new Paragraph({ children: [new TextRun({ text, size, bold: header })] })],
      ...(header ? { shading: { fill: 'E7ECF3' } } : {}),
    });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 160, after: 80 },
      keepNext: true,
      children: [new TextRun({ text: table.title, bold: true, size: size + 2, font: HEADING_FONT })],
    }),
    new Table({
      width: { size: totalWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({ tableHeader: true, children: table.header.map((text, i) => cell(text, true, i)) }),
        ...table.rows.map(
          (row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, false, i)) }),
        ),
      ],
    }),
    ...(table.notes ?? []).map(
      (line) => new Paragraph({ spacing: { before: 40 }, children: [new TextRun({ text: line, size: size - 2 })] }),
    ),
  ];
}

async function blockToDocx(block: ReportBlock, lang: Lang): Promise<(Paragraph | Table)[]> {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          spacing: { before: block.level === 1 ? 240 : 160, after: 120 },
          children: [
            new TextRun({
              text: block.text,
              font: HEADING_FONT,
              bold: true,
              size: block.level === 1 ? 30 : 26,
              color: '000000',
            }),
          ],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          indent: { firstLine: 480 },
          spacing: { line: 360, after: 60 },
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun({ text: block.text })],
        }),
      ];
    case 'table':
      return tableOf(block.table, TABLE_SIZE, PORTRAIT_TEXT_WIDTH);
    case 'chart': {
      const rendered = await renderChartPng(block.option, block.width, block.height);
      const unavailable = lang === 'zh' ? '（本服务器无法绘制图表）' : '(charts cannot be drawn on this server)';
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120 },
          children: [
            rendered
              ? new ImageRun({
                  type: 'png',
                  data: rendered.png,
                  transformation: { width: rendered.width, height: rendered.height },
                })
              : new TextRun({ text: unavailable, color: '888888' }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 160 },
          children: [new TextRun({ text: block.caption, size: TABLE_SIZE + 2 })],
        }),
      ];
    }
  }
}

/**
 * Writes the 自评报告 as .docx: a portrait A4 body (title, sections 一 to 七 with tables and PNG charts) and the 附表
 * in a landscape A4 section with header rows repeated on every page. Fonts: 宋体 body and 黑体 headings (Word and WPS
 * have them; LibreOffice substitutes Noto CJK).
 */
export async function writeSelfEvaluationDocx(input: {
  data: SelfEvaluationData;
  blocks: readonly ReportBlock[];
  appendix: readonly DocumentTable[];
  lang: Lang;
  generatedAt: Date;
}): Promise<Buffer> {
  const { data, lang } = input;
  const zh = lang === 'zh';
  const { title, subtitle } = reportTitle(data.context.district.name, data.context.year, lang);
  const stamp = input.generatedAt.toISOString().slice(0, 16).replace('T', ' ');
  const front = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: title, bold: true, size: 36, font: HEADING_FONT })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: subtitle, size: 26 })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        new TextRun({
          text: zh
            ? `由“均衡”根据导入的学校数据与县级填报生成，生成时间 ${stamp}（UTC）。各项数值与系统页面一致。`
            : `Generated by Junheng from the imported school data and county inputs at ${stamp} UTC; every figure is the one the dashboard shows.`,
          size: 20,
          color: '555555',
        }),
      ],
    }),
  ];
  const body: (Paragraph | Table)[] = [];
  // One block at a time: each chart renders synchronously once resvg is loaded, keeping the peak memory low.
  for (const block of input.blocks) body.push(...(await blockToDocx(block, lang)));
  const appendix = input.appendix.flatMap((table) => tableOf(table, APPENDIX_SIZE, LANDSCAPE_TEXT_WIDTH));
  const doc = new Document({
    creator: 'Junheng',
    title,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: PORTRAIT_MARGIN, bottom: PORTRAIT_MARGIN, left: PORTRAIT_MARGIN, right: PORTRAIT_MARGIN },
          },
        },
        children: [...front, ...body],
      },
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: {
              top: LANDSCAPE_MARGIN,
              bottom: LANDSCAPE_MARGIN,
              left: LANDSCAPE_MARGIN,
              right: LANDSCAPE_MARGIN,
            },
          },
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [
              new TextRun({
                text: SECTION_TITLES.appendix[lang],
                font: HEADING_FONT,
                bold: true,
                size: 30,
                color: '000000',
              }),
            ],
          }),
          ...appendix,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
