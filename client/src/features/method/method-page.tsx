import {
  BASIC_COMPOSITE_CV_LIMIT,
  BASIC_INDICATORS,
  CLASS_SIZE_LIMIT,
  COMPARABLE_COUNTY_RULE,
  COMPARABLE_SCHOOL_RULE,
  HUGE_CLASS_MIN,
  LARGE_CLASS_BAND,
  LARGE_CLASS_MAX_SHARE,
  LOCALE_LABELS,
  localeOfUrbanRuralCode,
  QUALITY_CV_LIMIT,
  QUALITY_INDICATOR_KEYS,
  QUALITY_INDICATORS,
  QUALITY_MIN_MET,
  QUALITY_NEAR_MISS_RATIO,
  ROTATION_MIN_BACKBONE_SHARE,
  ROTATION_MIN_RATIO,
  SCHOOL_SIZE_LIMIT,
  STAGE_WEIGHTS,
  TEACHING_POINT_MIN_STUDENTS,
  URBAN_RURAL_CODE_LABELS,
  URBAN_RURAL_CODES,
} from '@junheng/shared';
import type { ReactNode } from 'react';
import { PrintButton } from '../../components/print-button.tsx';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { formatCv, formatNumber, formatPercent } from '../../lib/format.ts';
import { CONVENTIONS_COPY } from './conventions-copy.ts';
import { METHOD_COPY, type MethodCopy } from './method-copy.ts';
import { computeWorkedExample, GOLDEN_EXAMPLE, STAGE_SPLIT_EXAMPLE, splitSharedAsset } from './worked-example.ts';
import './method.css';

type SectionId = keyof MethodCopy['sections'];
const SECTION_ORDER: readonly SectionId[] = [
  'regimes',
  'indicators',
  'cv',
  'limits',
  'schools',
  'exclusions',
  'stages',
  'locales',
  'classSize',
  'decomposition',
  'example',
  'rotation',
  'comparable',
];

/** X̄ drawn as X with a bar (no math library: plain HTML and CSS). */
function XBar({ sub }: { sub?: string }) {
  return (
    <span className="formula-xbar">
      <var>X</var>
      {sub ? <sub>{sub}</sub> : null}
    </span>
  );
}

function Sigma({ children }: { children: ReactNode }) {
  return (
    <>
      <span className="formula-op">Σ</span>
      {children}
    </>
  );
}

function Section({ id, copy, children }: { id: SectionId; copy: MethodCopy; children: ReactNode }) {
  return (
    <section className="card method-section" id={`method-${id}`} aria-labelledby={`method-${id}-title`}>
      <h2 id={`method-${id}-title`} className="card-title">
        {copy.sections[id]}
      </h2>
      {children}
    </section>
  );
}

function Formula({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div className="formula-row">
      <div className="formula">{children}</div>
      <div className="formula-label muted small">{label}</div>
    </div>
  );
}

const n6 = (value: number) => formatNumber(value, 6);

/** 方法说明: the method behind every number, with a worked example an inspector can check by hand. Static. */
export default function MethodPage() {
  const [lang] = useLang();
  const t = useT();
  const copy = METHOD_COPY[lang];
  const conventions = CONVENTIONS_COPY[lang];
  const example = computeWorkedExample(GOLDEN_EXAMPLE.students, GOLDEN_EXAMPLE.books);
  const split = splitSharedAsset(
    STAGE_SPLIT_EXAMPLE.total,
    STAGE_SPLIT_EXAMPLE.primary,
    STAGE_SPLIT_EXAMPLE.junior,
    STAGE_SPLIT_EXAMPLE.juniorWeight,
  );
  const unit = (text: string) => (text ? text : '—');

  return (
    <article className="page method-page" aria-labelledby="method-title">
      <div className="page-heading">
        <h1 id="method-title" className="page-title">
          {copy.title}
        </h1>
        <PrintButton />
      </div>
      <p className="page-intro">{copy.intro}</p>

      <nav className="card method-toc" aria-label={copy.contents}>
        <h2 className="card-title">{copy.contents}</h2>
        <ol>
          {SECTION_ORDER.map((id) => (
            <li key={id}>
              <a href={`#method-${id}`}>{copy.sections[id]}</a>
            </li>
          ))}
        </ol>
      </nav>

      <Section id="regimes" copy={copy}>
        <ul className="bullets">
          <li>{copy.regimes.quality}</li>
          <li>{copy.regimes.basic}</li>
        </ul>
        <p className="muted">{copy.regimes.labels}</p>
      </Section>

      <Section id="indicators" copy={copy}>
        <div className="table-wrap">
          <table className="table method-table">
            <caption className="visually-hidden">{copy.indicatorTable.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.indicatorTable.name}</th>
                <th scope="col">{copy.indicatorTable.formula}</th>
                <th scope="col">{copy.indicatorTable.unit}</th>
                <th scope="col" className="num">
                  {copy.indicatorTable.primary}
                </th>
                <th scope="col" className="num">
                  {copy.indicatorTable.junior}
                </th>
                <th scope="col" className="num">
                  {copy.indicatorTable.decimals}
                </th>
              </tr>
            </thead>
            <tbody>
              {QUALITY_INDICATORS.map((indicator) => (
                <tr key={indicator.key}>
                  <th scope="row">
                    {lang === 'en' ? indicator.en : indicator.zh}
                    <div className="mono muted small">{indicator.key}</div>
                  </th>
                  <td>{lang === 'en' ? indicator.definitionEn : indicator.definitionZh}</td>
                  <td>{unit(lang === 'en' ? indicator.unitEn : indicator.unitZh)}</td>
                  <td className="num">{formatNumber(indicator.threshold.primary, indicator.decimals === 0 ? 0 : 1)}</td>
                  <td className="num">{formatNumber(indicator.threshold.junior, indicator.decimals === 0 ? 0 : 1)}</td>
                  <td className="num">{indicator.decimals}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="cv" copy={copy}>
        <p>{copy.cv.lead}</p>
        <div className="formula-block">
          <Formula label={copy.cv.mean}>
            <XBar /> ={' '}
            <Sigma>
              <var>P</var>
              <sub>i</sub>·<var>X</var>
              <sub>i</sub>
            </Sigma>{' '}
            /{' '}
            <Sigma>
              <var>P</var>
              <sub>i</sub>
            </Sigma>
          </Formula>
          <Formula label={copy.cv.sd}>
            <var>S</var> = √
            <span className="formula-paren">
              <Sigma>
                (<var>P</var>
                <sub>i</sub> / <span className="formula-op">Σ</span>
                <var>P</var>) · (<var>X</var>
                <sub>i</sub> − <XBar />)<sup>2</sup>
              </Sigma>
            </span>
          </Formula>
          <Formula label={copy.cv.cv}>
            <var>CV</var> = <var>S</var> / <XBar />
          </Formula>
        </div>
        <p className="muted">{copy.cv.notation}</p>
        <ul className="bullets">
          {copy.cv.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </Section>

      <Section id="limits" copy={copy}>
        <ul className="bullets">
          <li>{copy.limits.quality(formatCv(QUALITY_CV_LIMIT.primary, 2), formatCv(QUALITY_CV_LIMIT.junior, 2))}</li>
          <li>
            {copy.limits.basic(
              formatCv(BASIC_COMPOSITE_CV_LIMIT.primary, 2),
              formatCv(BASIC_COMPOSITE_CV_LIMIT.junior, 2),
            )}
            <div className="muted small">
              {copy.limits.basicList}
              {BASIC_INDICATORS.map((d) => (lang === 'en' ? `${d.en} (${d.unitEn})` : `${d.zh}（${d.unitZh}）`)).join(
                lang === 'en' ? '; ' : '、',
              )}
            </div>
            <div className="muted small">{copy.limits.basicUnits}</div>
          </li>
        </ul>
        <p className="muted">{copy.limits.composite}</p>
      </Section>

      <Section id="schools" copy={copy}>
        <p>{copy.schools(QUALITY_MIN_MET, QUALITY_INDICATOR_KEYS.length, formatPercent(QUALITY_NEAR_MISS_RATIO, 0))}</p>
        <p className="muted">{copy.schoolsNote}</p>
      </Section>

      <Section id="exclusions" copy={copy}>
        <ul className="bullets">
          <li>{copy.exclusions.special}</li>
          <li>{copy.exclusions.teachingPoint(TEACHING_POINT_MIN_STUDENTS)}</li>
          <li>{copy.exclusions.private}</li>
          <li>{copy.exclusions.basicRows}</li>
          <li>{copy.exclusions.noStudents}</li>
          <li>{copy.exclusions.shown}</li>
          <li>{conventions.teachingPointRooms}</li>
        </ul>
      </Section>

      <Section id="stages" copy={copy}>
        <p>{copy.stages.lead}</p>
        <div className="table-wrap">
          <table className="table method-table method-table-narrow">
            <caption className="visually-hidden">{copy.stages.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.stages.type}</th>
                <th scope="col" className="num">
                  {copy.stages.weights}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{copy.stages.nineYear}</th>
                <td className="num">
                  {STAGE_WEIGHTS.nine_year.primary} : {STAGE_WEIGHTS.nine_year.junior}
                </td>
              </tr>
              <tr>
                <th scope="row">{copy.stages.completeMiddle}</th>
                <td className="num">
                  {STAGE_WEIGHTS.complete_middle.junior} : {STAGE_WEIGHTS.complete_middle.senior}
                </td>
              </tr>
              <tr>
                <th scope="row">{copy.stages.twelveYear}</th>
                <td className="num">
                  {STAGE_WEIGHTS.twelve_year.primary} : {STAGE_WEIGHTS.twelve_year.junior} :{' '}
                  {STAGE_WEIGHTS.twelve_year.senior}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <p>
          {copy.stages.exampleLead(
            formatNumber(STAGE_SPLIT_EXAMPLE.total),
            STAGE_SPLIT_EXAMPLE.primary,
            STAGE_SPLIT_EXAMPLE.junior,
          )}
        </p>
        <div className="formula-block">
          <Formula label={copy.stages.perWeighted}>
            {formatNumber(STAGE_SPLIT_EXAMPLE.total)} / ({STAGE_SPLIT_EXAMPLE.primary} +{' '}
            {STAGE_SPLIT_EXAMPLE.juniorWeight} × {STAGE_SPLIT_EXAMPLE.junior}) ={' '}
            {formatNumber(STAGE_SPLIT_EXAMPLE.total)} / {formatNumber(split.weightedStudents, 0)} ={' '}
            <strong>{formatNumber(split.perWeightedStudent, 3)}</strong>
          </Formula>
          <Formula label={copy.stages.primaryPart}>
            {STAGE_SPLIT_EXAMPLE.primary} × {formatNumber(split.perWeightedStudent, 3)} ={' '}
            <strong>{formatNumber(split.primaryPart, 1)}</strong>
          </Formula>
          <Formula label={copy.stages.juniorPart}>
            {STAGE_SPLIT_EXAMPLE.juniorWeight} × {STAGE_SPLIT_EXAMPLE.junior} ×{' '}
            {formatNumber(split.perWeightedStudent, 3)} = <strong>{formatNumber(split.juniorPart, 1)}</strong>
          </Formula>
        </div>
        <ul className="bullets">
          {conventions.shortfalls.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </Section>

      <Section id="locales" copy={copy}>
        <p>{copy.locales.lead}</p>
        <div className="table-wrap">
          <table className="table method-table method-table-narrow">
            <caption className="visually-hidden">{copy.locales.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.locales.code}</th>
                <th scope="col">{copy.locales.meaning}</th>
                <th scope="col">{copy.locales.cls}</th>
              </tr>
            </thead>
            <tbody>
              {URBAN_RURAL_CODES.map((code) => {
                const locale = localeOfUrbanRuralCode(code);
                return (
                  <tr key={code}>
                    <th scope="row" className="mono">
                      {code}
                    </th>
                    <td>{URBAN_RURAL_CODE_LABELS[code]}</td>
                    <td>
                      {LOCALE_LABELS[locale][lang]} <span className="mono muted small">{locale}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="classSize" copy={copy}>
        <p>{copy.classSize.blanks}</p>
        <p>
          {copy.classSize.bands(
            LARGE_CLASS_BAND.min,
            LARGE_CLASS_BAND.max,
            HUGE_CLASS_MIN,
            formatPercent(LARGE_CLASS_MAX_SHARE, 0),
          )}
        </p>
        <p>{copy.classSize.perStage(CLASS_SIZE_LIMIT.primary, CLASS_SIZE_LIMIT.junior)}</p>
        <p>{copy.classSize.schoolWideLead}</p>
        <ul>
          {copy.classSize.schoolWide(CLASS_SIZE_LIMIT.primary, CLASS_SIZE_LIMIT.junior).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>{copy.classSize.schoolSize(SCHOOL_SIZE_LIMIT.single_stage, SCHOOL_SIZE_LIMIT.multi_stage)}</p>
      </Section>

      <Section id="decomposition" copy={copy}>
        <p>{copy.decomposition.lead}</p>
        <div className="formula-block">
          <Formula label="">
            <var>CV</var>
            <sup>2</sup> = <var>CV</var>
            <sup>2</sup>
            <sub>within</sub> + <var>CV</var>
            <sup>2</sup>
            <sub>between</sub>
          </Formula>
          <Formula label={copy.decomposition.within}>
            <var>CV</var>
            <sup>2</sup>
            <sub>within</sub> = <span className="formula-op">Σ</span>
            <sub>g</sub> (<var>P</var>
            <sub>g</sub> / <var>P</var>) · <var>S</var>
            <sub>g</sub>
            <sup>2</sup> / <XBar />
            <sup>2</sup>
          </Formula>
          <Formula label={copy.decomposition.between}>
            <var>CV</var>
            <sup>2</sup>
            <sub>between</sub> = <span className="formula-op">Σ</span>
            <sub>g</sub> (<var>P</var>
            <sub>g</sub> / <var>P</var>) · (<XBar sub="g" /> − <XBar />)<sup>2</sup> / <XBar />
            <sup>2</sup>
          </Formula>
          <Formula label={copy.decomposition.contribution}>
            <var>c</var>
            <sub>i</sub> = (<var>P</var>
            <sub>i</sub> / <var>P</var>) · (<var>X</var>
            <sub>i</sub> − <XBar />)<sup>2</sup> / <XBar />
            <sup>2</sup>
          </Formula>
        </div>
        <ul className="bullets">
          <li>
            <var>P</var>
            <sub>g</sub>、<XBar sub="g" />、<var>S</var>
            <sub>g</sub>
            {copy.decomposition.groupSymbols}
            <var>P</var>、<XBar />
            {copy.decomposition.totalSymbols}
          </li>
          <li>{copy.decomposition.share}</li>
        </ul>
        <h3>{conventions.equity.title}</h3>
        <ul className="bullets">
          {conventions.equity.items.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </Section>

      <Section id="example" copy={copy}>
        <p>{copy.example.lead}</p>
        <div className="table-wrap">
          <table className="table method-table worked-example">
            <caption className="visually-hidden">{copy.example.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{copy.example.school}</th>
                <th scope="col" className="num">
                  {copy.example.students}
                </th>
                <th scope="col" className="num">
                  {copy.example.books}
                </th>
                <th scope="col" className="num">
                  {copy.example.value}
                </th>
                <th scope="col" className="num">
                  {copy.example.weight}
                </th>
                <th scope="col" className="num">
                  {copy.example.weighted}
                </th>
                <th scope="col" className="num">
                  {copy.example.deviation}
                </th>
                <th scope="col" className="num">
                  {copy.example.weightedDeviation}
                </th>
              </tr>
            </thead>
            <tbody>
              {example.rows.map((row) => (
                <tr key={row.index}>
                  <th scope="row">{row.index}</th>
                  <td className="num">{formatNumber(row.students)}</td>
                  <td className="num">{formatNumber(row.books)}</td>
                  <td className="num">{n6(row.value)}</td>
                  <td className="num">{n6(row.weight)}</td>
                  <td className="num">{n6(row.weightedValue)}</td>
                  <td className="num">{n6(row.squaredDeviation)}</td>
                  <td className="num">{n6(row.weightedSquaredDeviation)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{copy.example.total}</th>
                <td className="num">{formatNumber(example.totalStudents)}</td>
                <td className="num">{formatNumber(example.totalBooks)}</td>
                <td className="num">—</td>
                <td className="num">{n6(1)}</td>
                <td className="num">
                  <XBar /> = {n6(example.mean)}
                </td>
                <td className="num">—</td>
                <td className="num">
                  <var>S</var>
                  <sup>2</sup> = {n6(example.variance)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <div className="formula-block worked-result">
          <Formula label={copy.cv.mean}>
            <XBar /> = {formatNumber(example.totalBooks)} / {formatNumber(example.totalStudents)} ={' '}
            <strong>{n6(example.mean)}</strong>
          </Formula>
          <Formula label={copy.cv.sd}>
            <var>S</var> = √{n6(example.variance)} = <strong>{n6(example.sd)}</strong>
          </Formula>
          <Formula label={copy.cv.cv}>
            <var>CV</var> = {n6(example.sd)} / {n6(example.mean)} = <strong>{n6(example.cv)}</strong>
          </Formula>
        </div>
        <p>{copy.example.published}</p>
        <p className="muted">
          {copy.example.wrong(
            formatNumber(example.unweightedPopulationCv, 4),
            formatNumber(example.unweightedSampleCv, 4),
          )}
        </p>
      </Section>

      <Section id="rotation" copy={copy}>
        <p>{copy.rotation(formatPercent(ROTATION_MIN_RATIO, 0), formatPercent(ROTATION_MIN_BACKBONE_SHARE, 0))}</p>
        <h3>{conventions.rotation.title}</h3>
        <ul className="bullets">
          {conventions.rotation.items.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </Section>

      <Section id="comparable" copy={copy}>
        <p>
          {t('method.comparable.school', {
            limit: COMPARABLE_SCHOOL_RULE.limit,
            weight: COMPARABLE_SCHOOL_RULE.localeStepWeight,
            weight2: COMPARABLE_SCHOOL_RULE.localeStepWeight * 2,
          })}
        </p>
        <p>{t('method.comparable.standing')}</p>
        <p>
          {t('method.comparable.county', {
            countyLimit: COMPARABLE_COUNTY_RULE.limit,
            countyWeight: COMPARABLE_COUNTY_RULE.urbanShareWeight,
          })}
        </p>
      </Section>
    </article>
  );
}
