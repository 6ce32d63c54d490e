import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SCHOOL_STAT_COLUMNS } from '@junheng/shared';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { generateCounty } from './generate-province.ts';

/** A national data set: every county as generateCounty makes it (the province bench's generator, smaller counties). */
export interface NationalShape {
  counties: number;
  schools: number;
  years: number[];
}

const csvText = (value: string) => `"${value.replaceAll('"', '""')}"`;
const csvValue = (value: string | number | boolean | null) =>
  value === null ? '' : typeof value === 'string' ? csvText(value) : String(value);

/** Writes CSV lines into a COPY … FROM STDIN stream, waiting for the stream when its buffer is full. */
async function copyLines(client: pg.Client, statement: string, produce: () => Iterable<string>): Promise<void> {
  const stream = client.query(copyFrom(statement));
  const done = pipeline(
    (async function* () {
      let buffer = '';
      for (const line of produce()) {
        buffer += line;
        if (buffer.length >= 256 * 1024) {
          yield buffer;
          buffer = '';
        }
      }
      if (buffer) yield buffer;
    })(),
    stream as unknown as Writable,
  );
  await done;
}

/**
 * Loads a national data set into an empty migrated database with COPY (one statement per table), as a bulk loader
 * would: tens of thousands of rows per second instead of the import path's validation and upserts. The data is the
 * deterministic output of generateCounty, so every run measures the same rows.
 */
export async function loadNationalDataset(databaseUrl: string, shape: NationalShape): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const batch = await client.query<{ id: number }>(
      `insert into import_batch (source, files, counts, warnings) values ('cli', '[]', '{}', 0) returning id`,
    );
    const batchId = batch.rows[0]?.id as number;
    const counties = function* () {
      for (let c = 0; c < shape.counties; c += 1) yield generateCounty(c, shape.schools, shape.years);
    };
    await copyLines(client, 'COPY district (code, name) FROM STDIN WITH (FORMAT csv)', function* () {
      for (const county of counties()) {
        const first = county.schools[0];
        if (first) yield `${csvText(first.districtCode)},${csvText(first.districtName)}\n`;
      }
    });
    await copyLines(client, 'COPY township (code, district_code, name) FROM STDIN WITH (FORMAT csv)', function* () {
      for (const county of counties()) {
        const seen = new Set<string>();
        for (const s of county.schools) {
          if (seen.has(s.townshipCode)) continue;
          seen.add(s.townshipCode);
          yield `${csvText(s.townshipCode)},${csvText(s.districtCode)},${csvText(s.townshipName)}\n`;
        }
      }
    });
    await copyLines(
      client,
      'COPY school (code, name, district_code, township_code, urban_rural_code, school_type, ownership, boarding, ' +
        'parent_school_code, group_name, import_batch_id) FROM STDIN WITH (FORMAT csv)',
      function* () {
        for (const county of counties()) {
          for (const s of county.schools) {
            yield `${[
              s.schoolCode,
              s.schoolName,
              s.districtCode,
              s.townshipCode,
              s.urbanRuralCode,
              s.schoolType,
              s.ownership,
              s.boarding,
              s.parentSchoolCode,
              s.groupName,
              batchId,
            ]
              .map(csvValue)
              .join(',')}\n`;
          }
        }
      },
    );
    const statColumns = SCHOOL_STAT_COLUMNS.filter((c) => c.field !== 'year' && c.field !== 'schoolCode');
    let rows = 0;
    await copyLines(
      client,
      `COPY school_year_stat (school_code, year, ${statColumns.map((c) => c.key).join(', ')}, import_batch_id) ` +
        'FROM STDIN WITH (FORMAT csv)',
      function* () {
        for (const county of counties()) {
          for (const stat of county.stats) {
            const record = stat as unknown as Record<string, string | number | null>;
            let line = `${csvText(stat.schoolCode)},${stat.year}`;
            for (const column of statColumns) line += `,${csvValue(record[column.field] ?? null)}`;
            yield `${line},${batchId}\n`;
            rows += 1;
          }
        }
      },
    );
    await client.query('analyze');
    return rows;
  } finally {
    await client.end();
  }
}
