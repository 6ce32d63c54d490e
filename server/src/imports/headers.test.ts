import { IMPORT_COLUMNS, IMPORT_KINDS } from '@junheng/shared';
import { describe, expect, it } from 'vitest';
import { matchHeaders, normaliseHeader, recogniseKind, unitScale } from './headers.ts';
import { columnOf, keyHeaders, zhHeaders } from './test-support.ts';

describe(normaliseHeader.name, () => {
  it('should trim, remove whitespace, fold full-width characters and lower-case ASCII', () => {
    expect(normaliseHeader('  教学及辅助用房面积 （平方米） ')).toEqual({
      name: '教学及辅助用房面积(平方米)',
      base: '教学及辅助用房面积',
      bracket: '平方米',
    });
    expect(normaliseHeader('ＥＱＵＩＰＭＥＮＴ_ＶＡＬＵＥ［万元］')).toEqual({
      name: 'equipment_value(万元)',
      base: 'equipment_value',
      bracket: '万元',
    });
    expect(normaliseHeader('School_Code：').name).toBe('school_code');
    expect(normaliseHeader('大班额班数（56～65人）').name).toBe('大班额班数(56-65人)');
    expect(normaliseHeader('年度').bracket).toBeNull();
  });
});

describe(unitScale.name, () => {
  it('should convert 万元 to 元 and reject units that do not fit the column', () => {
    const money = columnOf('school_stats', 'equipment_value');
    expect(unitScale(money, '元')).toBe(1);
    expect(unitScale(money, '万元')).toBe(10_000);
    expect(unitScale(money, '美元')).toBeNull();
    const area = columnOf('school_stats', 'teaching_room_area');
    expect(unitScale(area, 'm2')).toBe(1);
    expect(unitScale(area, '亩')).toBeNull();
    const books = columnOf('school_stats', 'books');
    expect(unitScale(books, '册')).toBe(1);
    expect(unitScale(books, '万册')).toBeNull();
    expect(unitScale(columnOf('school_stats', 'classes_56_65'), '46-55人')).toBeNull();
    expect(unitScale(columnOf('rotations', 'months'), '年')).toBeNull();
  });
});

describe(matchHeaders.name, () => {
  it('should match every Chinese template header and every English key', () => {
    for (const kind of IMPORT_KINDS) {
      for (const headers of [zhHeaders(kind), keyHeaders(kind)]) {
        const match = matchHeaders(kind, headers);
        expect(match.missing).toEqual([]);
        expect(match.problems).toEqual([]);
        expect(match.bindings.map((b) => b.column.key)).toEqual(IMPORT_COLUMNS[kind].map((c) => c.key));
      }
    }
  });

  it('should tolerate spaces, full-width brackets and omitted or added units', () => {
    const match = matchHeaders('school_stats', [
      ' 年 度 ',
      '学校标识码',
      '教学及辅助用房面积（平方米）',
      '体育运动场馆面积',
      'equipment_value(元)',
      '大班额班数',
      '超大班额班数（66人及以上）',
      '图书册数(册)',
    ]);
    expect(match.problems).toEqual([]);
    expect(match.bindings.map((b) => [b.column.key, b.scale])).toEqual([
      ['year', 1],
      ['school_code', 1],
      ['teaching_room_area', 1],
      ['sports_area', 1],
      ['equipment_value', 1],
      ['classes_56_65', 1],
      ['classes_66_plus', 1],
      ['books', 1],
    ]);
  });

  it('should scale a 万元 money header by 10 000', () => {
    const match = matchHeaders('school_stats', ['教学仪器设备值(万元)', 'EQUIPMENT_VALUE（万元）']);
    expect(match.bindings[0]).toMatchObject({ header: '教学仪器设备值(万元)', scale: 10_000 });
    // The second names the same column: a duplicate.
    expect(match.problems[0]?.severity).toBe('error');
  });

  it('should report a unit it cannot convert as an error on that header', () => {
    const match = matchHeaders('school_stats', ['教学仪器设备值(美元)']);
    expect(match.problems).toEqual([
      {
        severity: 'error',
        column: '教学仪器设备值(美元)',
        message: expect.stringContaining('单位「美元」无法识别'),
      },
    ]);
    expect(match.problems[0]?.message).toContain('元 或 万元');
  });

  it('should report duplicate headers as errors naming both columns', () => {
    const match = matchHeaders('schools', ['学校标识码', '学校名称', 'school_code']);
    expect(match.bindings.map((b) => b.header)).toEqual(['学校标识码', '学校名称']);
    expect(match.problems).toEqual([
      {
        severity: 'error',
        column: 'school_code',
        message: expect.stringMatching(/列「school_code」与第 1 列「学校标识码」重复/),
      },
    ]);
  });

  it('should warn once per unknown column and ignore empty headers', () => {
    const match = matchHeaders('rotations', ['年度', '备注', '', '学科']);
    expect(match.problems).toEqual([
      { severity: 'warning', column: '备注', message: '未识别的列「备注」，该列已忽略' },
      { severity: 'warning', column: '学科', message: '未识别的列「学科」，该列已忽略' },
    ]);
  });
});

describe(recogniseKind.name, () => {
  it('should judge an incomplete file by the columns only one kind has, not by shared ones like 年度', () => {
    const sut = recogniseKind(['学校标识码', '年度', '小学在校生数']);
    expect(sut.kind).toBeNull();
    expect(sut.problems.at(-1)?.message).toContain('学校年度统计');
  });

  it('should recognise each kind from its Chinese headers or English keys in any order', () => {
    for (const kind of IMPORT_KINDS) {
      expect(recogniseKind(zhHeaders(kind).reverse()).kind).toBe(kind);
      expect(recogniseKind(keyHeaders(kind)).kind).toBe(kind);
    }
  });

  it('should recognise a schools file without its optional columns', () => {
    const headers = zhHeaders('schools').filter((h) => h !== '所属学校标识码' && h !== '学区/教育集团');
    const result = recogniseKind(headers);
    expect(result.kind).toBe('schools');
    expect(result.problems).toEqual([]);
  });

  it('should name the missing required columns of the closest kind', () => {
    const headers = zhHeaders('school_stats').filter((h) => h !== '小学县级以上骨干教师数');
    const result = recogniseKind(headers);
    expect(result.kind).toBeNull();
    expect(result.match.kind).toBe('school_stats');
    expect(result.problems).toEqual([
      {
        severity: 'error',
        column: '小学县级以上骨干教师数',
        message: '缺少必需列：小学县级以上骨干教师数（backbone_teachers_primary）（按「学校年度统计」表判断）',
      },
    ]);
  });

  it('should say that no known column was found for an unrelated table', () => {
    const result = recogniseKind(['姓名', '电话']);
    expect(result.kind).toBeNull();
    expect(result.problems[0]?.message).toContain('没有找到任何已知列');
  });
});
