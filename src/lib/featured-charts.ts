import { achievedTable, departmentMeasuresChart, dominanceCaveat, flatTargetsNote, measuresByDocument, projectsByYearChart, sentenceTargetsChart, targetsByDomainChart, targetVsAchievedCharts, type ChartSpec, type ChartTable } from './charts.ts';
import { getSiteData, type SiteData } from './site-data.ts';

/** The charts the site shows, each with what it needs besides its spec. */
export interface FeaturedCharts {
  enrolment: ChartSpec;
  /** `flat`: the sentence naming the targets left out because their result equals them (empty when none). */
  achieved: { specs: ChartSpec[]; table: ChartTable; title: string; flat: string };
  projectsByYear: ChartSpec;
  departmentMeasures: ChartSpec;
  targetsByDomain: ChartSpec;
}

/**
 * The editorial choice of charts. Like a quotation, a chart names its source by id (a target, a
 * table); when the corpus no longer has it, the build fails instead of drawing an empty chart.
 */
export function featuredCharts(data: Pick<SiteData, 'corpus' | 'targets' | 'topics' | 'departments' | 'shortTitles'>): FeaturedCharts {
  // The table reviews the 12th five-year plan: yearly targets are measured against five-year totals.
  const years = 5;
  const achieved = targetVsAchievedCharts(data.corpus.targets, 'xuhui-2016-employment-plan/m-t1', years);
  const achievedTitle = '徐汇区“十二五”就业和社保指标：目标与实际完成';
  const titleOf = (id: string) => data.shortTitles.get(id) ?? id;
  const projectsByDocument = new Map<string, number>();
  for (const p of data.corpus.projects) projectsByDocument.set(p.documentId, (projectsByDocument.get(p.documentId) ?? 0) + 1);
  return {
    enrolment: sentenceTargetsChart(data.corpus.targets, 'jiangsu-szbf-2012-91/d1-2.3/t1', {
      id: 'jiangsu-2012-enrolment',
      title: '江苏省2012年社会保险参保人数目标',
      categoryAxis: '险种',
      valueAxis: '参保人数',
    }),
    achieved: { specs: achieved.specs, table: achievedTable(achieved.targets, achievedTitle, years), title: achievedTitle, flat: flatTargetsNote(achieved.flat) },
    projectsByYear: { ...projectsByYearChart(data.corpus.projects), caveat: dominanceCaveat(projectsByDocument, titleOf, '项目') },
    departmentMeasures: { ...departmentMeasuresChart(data.departments), caveat: dominanceCaveat(measuresByDocument(data.departments), titleOf, '条款') },
    // A plan's own goals only: the figures it reviews from an earlier period are not its targets.
    targetsByDomain: targetsByDomainChart(data.targets.filter((r) => r.target.stage === 'goal'), data.topics),
  };
}

let featured: Promise<FeaturedCharts> | undefined;

/** The featured charts of the site's data, computed once per build: four pages show them. */
export function getFeaturedCharts(): Promise<FeaturedCharts> {
  featured ??= getSiteData().then(featuredCharts);
  return featured;
}
