import { STAGE_LABELS, STAGES } from '@junheng/shared';
import { CvBarPanel } from '../../components/cv-bar-panel.tsx';
import { PanelErrorBoundary } from '../../components/error-boundary.tsx';
import { CountyView } from '../../county-view/components/county-view.tsx';
import { pickLabel, useLang, useT } from '../../i18n/i18n.tsx';
import { ScorecardReasons } from './components/scorecard-reasons.tsx';
import { SelfEvaluationLink } from './components/self-evaluation-link.tsx';
import { StageSummary } from './components/stage-summary.tsx';
import { TownshipPassPanel } from './components/township-pass-panel.tsx';

/**
 * 总览: the county-year verdict over the four parts of the 2017 scorecard with every reason it fails, then both stages
 * at a glance (2017 资源配置, with the 2012 composite beside it).
 */
export default function OverviewPage() {
  const t = useT();
  const [lang] = useLang();
  return (
    <CountyView
      id="overview-title"
      title={t('overview.title')}
      showStage={false}
      toolbar={({ county }) => <SelfEvaluationLink county={county} />}
    >
      {({ county, update }) => (
        <>
          {/* Every failing item of the four parts of the 2017 scorecard (issue #12), above the resource detail. */}
          <PanelErrorBoundary>
            <ScorecardReasons county={county} />
          </PanelErrorBoundary>
          {/* Summary then chart per stage in the DOM (one column on a phone, read in order); side by side on a wide
            screen, with both summaries in one grid row so the two charts line up. */}
          <div className="stage-grid">
            {STAGES.flatMap((stage) => {
              const stageCounty = { ...county, stage };
              const stageLabel = pickLabel(STAGE_LABELS[stage], lang);
              return [
                <div key={`${stage}-summary`} className={`stage-cell stage-${stage} stage-summary`}>
                  <PanelErrorBoundary>
                    <StageSummary county={stageCounty} />
                  </PanelErrorBoundary>
                </div>,
                <div key={`${stage}-chart`} className={`stage-cell stage-${stage} stage-chart`}>
                  <CvBarPanel
                    county={stageCounty}
                    compact
                    height={260}
                    title={t('overview.cvChartTitle', { stage: stageLabel })}
                  />
                </div>,
              ];
            })}
          </div>
          <TownshipPassPanel county={county} update={update} />
        </>
      )}
    </CountyView>
  );
}
