import type { CountyDataset, SchoolRow, SchoolStatRow } from '@junheng/shared';
import { ROTATION_COLUMNS, SCHOOL_COLUMNS, SCHOOL_STAT_COLUMNS } from '@junheng/shared';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvHeader, datasetToCsvFiles } from './export-csv.ts';
import { generateDemoCounty } from './generate-demo-county.ts';

/** RFC 4180 CSV (quoted fields, CRLF) into rows of fields; a leading BOM is dropped. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

const school: SchoolRow = {
  schoolCode: '2133000001',
  schoolName: '测试"明德",小学',
  districtCode: '330999',
  districtName: '澄川县',
  townshipCode: '330999101',
  townshipName: '青石镇',
  urbanRuralCode: '220',
  schoolType: 'teaching_point',
  ownership: 'private',
  boarding: true,
  parentSchoolCode: null,
  groupName: '第一行\r\n第二行',
};

const stat = Object.fromEntries(SCHOOL_STAT_COLUMNS.map((c) => [c.field, 0])) as unknown as SchoolStatRow;

const dataset: CountyDataset = {
  schools: [school],
  stats: [{ ...stat, year: 2024, schoolCode: school.schoolCode, teachingRoomArea: 1234.5, equipmentValue: 987600 }],
  rotations: [
    {
      year: 2024,
      teacherRef: 'T3309990001',
      fromSchoolCode: '2133000002',
      toSchoolCode: school.schoolCode,
      backbone: false,
      months: null,
    },
  ],
};

describe('datasetToCsvFiles', () => {
  const files = datasetToCsvFiles(dataset);

  it('writes UTF-8 with BOM, CRLF line endings and a Chinese header per column', () => {
    for (const [name, columns] of [
      ['schools.csv', SCHOOL_COLUMNS],
      ['school_stats.csv', SCHOOL_STAT_COLUMNS],
      ['rotations.csv', ROTATION_COLUMNS],
    ] as const) {
      const text = files[name];
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const [header] = parseCsv(text.slice(1));
      expect(header).toHaveLength(columns.length);
      expect(header).toEqual(columns.map(csvHeader));
    }
    const [statHeader] = parseCsv(files['school_stats.csv'].slice(1));
    expect(statHeader).toContain('教学及辅助用房面积(平方米)');
    expect(statHeader).toContain('教学仪器设备值(元)');
    expect(statHeader).toContain('大班额班数(56-65人)');
    expect(statHeader?.slice(0, 2)).toEqual(['年度', '学校标识码']);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and writes Chinese labels', () => {
    const text = files['schools.csv'];
    expect(text).toContain('"测试""明德"",小学"');
    expect(text).toContain('"第一行\r\n第二行"');
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(2);
    const values = Object.fromEntries(SCHOOL_COLUMNS.map((c, i) => [c.key, rows[1]?.[i]]));
    expect(values).toMatchObject({
      school_name: '测试"明德",小学',
      school_type: '小学教学点',
      ownership: '民办',
      boarding: '是',
      parent_school_code: '',
      group_name: '第一行\r\n第二行',
      urban_rural_code: '220',
    });
  });

  it('writes numbers plainly, booleans as 是/否 and null as empty', () => {
    const stats = parseCsv(files['school_stats.csv'].slice(1));
    const statValues = Object.fromEntries(SCHOOL_STAT_COLUMNS.map((c, i) => [c.key, stats[1]?.[i]]));
    expect(statValues).toMatchObject({ year: '2024', teaching_room_area: '1234.5', equipment_value: '987600' });
    const rotations = parseCsv(files['rotations.csv'].slice(1));
    expect(rotations[1]).toEqual(['2024', 'T3309990001', '2133000002', '2133000001', '否', '']);
  });

  it('leaves plain fields unquoted', () => {
    expect(csvField('澄川县实验小学')).toBe('澄川县实验小学');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('exports the whole demo county, one line per row', () => {
    const demo = generateDemoCounty();
    const demoFiles = datasetToCsvFiles(demo);
    expect(parseCsv(demoFiles['schools.csv'].slice(1))).toHaveLength(demo.schools.length + 1);
    expect(parseCsv(demoFiles['school_stats.csv'].slice(1))).toHaveLength(demo.stats.length + 1);
    expect(parseCsv(demoFiles['rotations.csv'].slice(1))).toHaveLength(demo.rotations.length + 1);
    expect(demoFiles['schools.csv']).toContain('澄川县实验小学');
    expect(demoFiles['schools.csv']).toContain('十二年一贯制学校');
  });
});
