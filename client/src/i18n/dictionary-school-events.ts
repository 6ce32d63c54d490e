/**
 * Messages of school identity across years (issue #13): renames, merges, closures and openings on the trends and the
 * school profile. Kept apart from dictionary.ts (which spreads them into `zh` and `en`); `schoolEventsEn` must have
 * exactly the keys of `schoolEventsZh`.
 */
export const schoolEventsZh = {
  'schoolEvents.title': '学校变动',
  'schoolEvents.listLabel': '学校变动（更名、撤并、撤销、新设）',
  'schoolEvents.marker': '学校变动 {count}',
  'schoolEvents.renamed': '「{old}」更名为「{new}」',
  'schoolEvents.typeChanged': '{school}：办学类型由{old}改为{new}',
  'schoolEvents.townshipChanged': '{school}：所属乡镇由{old}改为{new}',
  'schoolEvents.mergedInto': '{school} 撤并入 {target}',
  'schoolEvents.outsideArea': '区域外学校',
  'schoolEvents.closed': '{school} 撤销',
  'schoolEvents.opened': '{school} 新设',
  'schoolEvents.cvNote':
    '紫色虚线标出有学校变动的年份。差异系数按各年实际有统计的学校计算：撤并的学校自该年起不再单独统计，其学生和资源计入并入的学校；撤销的学校不再计入；新设的学校自首个统计年度起计入。这些年份前后差异系数的变化有一部分来自学校的增减，而不只是资源配置的变化。更名、办学类型或所属乡镇变更不改变学校（学校标识码不变），历年数据仍属同一所学校。',
  'schoolEvents.formerNames': '曾用名：{names}',
  'schoolEvents.separator': '；',
  'schoolEvents.formerName': '{name}（至 {until} 年）',
  'schoolEvents.profileTitle': '本校变动',
  'schoolEvents.nameInYear': '{year} 年校名：{name}',
};

export const schoolEventsEn: Record<keyof typeof schoolEventsZh, string> = {
  'schoolEvents.title': 'School changes',
  'schoolEvents.listLabel': 'School changes (renamed, merged, closed, opened)',
  'schoolEvents.marker': 'School changes {count}',
  'schoolEvents.renamed': '“{old}” renamed “{new}”',
  'schoolEvents.typeChanged': '{school}: type changed from {old} to {new}',
  'schoolEvents.townshipChanged': '{school}: township changed from {old} to {new}',
  'schoolEvents.mergedInto': '{school} merged into {target}',
  'schoolEvents.outsideArea': 'a school outside your area',
  'schoolEvents.closed': '{school} closed',
  'schoolEvents.opened': '{school} opened',
  'schoolEvents.cvNote':
    'The dotted purple lines mark the years with school changes. The CV is computed over the schools with statistics in each year: a merged school is no longer reported on its own from that year, its students and resources count in the school it joined; a closed school no longer counts; a new school counts from its first year. Part of the change of the CV around those years therefore comes from schools added or removed, not only from resources. A rename, or a change of type or township, does not change the school (same 学校标识码): its history stays one school.',
  'schoolEvents.formerNames': 'Former names: {names}',
  'schoolEvents.separator': '; ',
  'schoolEvents.formerName': '{name} (until {until})',
  'schoolEvents.profileTitle': 'Changes of this school',
  'schoolEvents.nameInYear': 'Name in {year}: {name}',
};
