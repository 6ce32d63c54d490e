/**
 * Messages of value provenance (issue #13 point 4): the stored values on the school profile with their sources, and
 * the 数据核对表 download. Kept apart from dictionary.ts (which spreads them into `zh` and `en`); `provenanceEn` must
 * have exactly the keys of `provenanceZh`.
 */
export const provenanceZh = {
  'provenance.title': '原始数据与来源',
  'provenance.subtitle':
    '{year} 年导入的各项数值；把鼠标移到数值上（或用 Tab 键聚焦）可看到它读自哪个文件、工作表和单元格',
  'provenance.attributes': '学校基本信息',
  'provenance.values': '{year} 年统计数据',
  'provenance.field': '项目',
  'provenance.value': '数值',
  'provenance.unit': '单位',
  'provenance.cell': '单元格',
  'provenance.tip.file': '来源文件',
  'provenance.tip.sheet': '工作表',
  'provenance.tip.csv': '（CSV 文件，无工作表）',
  'provenance.tip.cell': '单元格',
  'provenance.tip.label': '表头/行列代码',
  'provenance.tip.batch': '导入批次',
  'provenance.tip.batchLine': '第 {id} 批 · {source} · {time}',
  'provenance.tip.none': '无来源记录',
  'provenance.tip.noneDemo': '演示数据，没有来源文件',
  'provenance.tip.noneOld': '导入时未记录来源（早于来源记录功能，或该类文件不提供单元格位置）',
  'provenance.source.api': '网页导入',
  'provenance.source.cli': '命令行导入',
  'provenance.source.demo': '演示数据',
  'provenance.empty': '该校没有统计数据',
  'provenance.download': '下载数据核对表',
  'provenance.downloadTitle': '数据核对表',
  'provenance.downloadHint':
    '每校每年每项统计值一行，注明来源文件、工作表、单元格、表头与导入批次，便于把上报的表格追溯到原始文件。范围：{county}（在您的访问范围内）',
  'provenance.downloadYear': '{year} 年',
  'provenance.downloadAll': '全部年度',
  'provenance.downloadXlsx': 'XLSX（可直接打印）',
  'provenance.downloadCsv': 'CSV（Excel 可直接打开）',
  'provenance.noCounty': '还没有可核对的区县数据',
};

export const provenanceEn: typeof provenanceZh = {
  'provenance.title': 'Stored values and their sources',
  'provenance.subtitle':
    'Values imported for {year}; hover a value (or focus it with Tab) to see the file, sheet and cell it was read from',
  'provenance.attributes': 'School attributes',
  'provenance.values': '{year} statistics',
  'provenance.field': 'Item',
  'provenance.value': 'Value',
  'provenance.unit': 'Unit',
  'provenance.cell': 'Cell',
  'provenance.tip.file': 'File',
  'provenance.tip.sheet': 'Sheet',
  'provenance.tip.csv': '(CSV file, no sheet)',
  'provenance.tip.cell': 'Cell',
  'provenance.tip.label': 'Header / codes',
  'provenance.tip.batch': 'Import batch',
  'provenance.tip.batchLine': 'Batch {id} · {source} · {time}',
  'provenance.tip.none': 'No source recorded',
  'provenance.tip.noneDemo': 'Demo data: no source file',
  'provenance.tip.noneOld':
    'No source was recorded at import (imported before sources were kept, or the file gives no cell)',
  'provenance.source.api': 'web import',
  'provenance.source.cli': 'command-line import',
  'provenance.source.demo': 'demo data',
  'provenance.empty': 'The school has no statistics',
  'provenance.download': 'Download data check table',
  'provenance.downloadTitle': 'Data check table (数据核对表)',
  'provenance.downloadHint':
    'One line per stored value of each school-year, with its file, sheet, cell, header and import batch, so a filed table can be traced back. Scope: {county} (within your access)',
  'provenance.downloadYear': '{year}',
  'provenance.downloadAll': 'All years',
  'provenance.downloadXlsx': 'XLSX (print-ready)',
  'provenance.downloadCsv': 'CSV (opens in Excel)',
  'provenance.noCounty': 'No county data to check yet',
};
