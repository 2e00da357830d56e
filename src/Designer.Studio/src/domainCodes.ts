/** Applicant-field codes shared by every apply form (contract.md), with their names. Used for workflow scopes. */
export const domainCodes: Record<string, Record<string, [string, string]>> = {
  kinds: {
    directed: ['定向评价', 'Directed'],
    general: ['通用职称', 'General'],
    'initial-recognition': ['初次认定', 'Initial recognition'],
    'special-talent': ['特殊人才认定', 'Special talent'],
    'aid-xinjiang': ['援疆专业技术人员', 'Aid-Xinjiang staff'],
  },
  series: {
    teacher: ['中小学（含幼儿园）教师', 'Teachers'],
    health: ['卫生健康', 'Health'],
    agriculture: ['农业', 'Agriculture'],
    'animal-husbandry': ['畜牧', 'Animal husbandry'],
    veterinary: ['兽医', 'Veterinary'],
    water: ['水利', 'Water resources'],
    forestry: ['林业', 'Forestry'],
    engineering: ['工程', 'Engineering'],
    'career-farmer': ['职业农民', 'Career farmers'],
    'tech-broker': ['技术经纪', 'Technology brokers'],
    'digital-economy': ['数字经济', 'Digital economy'],
  },
  levels: {
    junior: ['员级', 'Junior'],
    assistant: ['助理级', 'Assistant'],
    intermediate: ['中级', 'Intermediate'],
    'deputy-senior': ['副高级', 'Deputy senior'],
    'full-senior': ['正高级', 'Full senior'],
  },
  employmentTypes: {
    'public-institution': ['事业单位', 'Public institution'],
    enterprise: ['企业', 'Enterprise'],
    freelancer: ['自由职业', 'Freelancer'],
    'civil-servant': ['公务员', 'Civil servant'],
    'civil-servant-managed': ['参照公务员法管理', 'Civil-servant-managed'],
    retired: ['离退休', 'Retired'],
  },
  workplaceLevel: {
    township: ['乡镇', 'Township'],
    county: ['县（市、区）', 'County'],
    prefecture: ['地州（市）及以上', 'Prefecture or above'],
  },
  validIn: {
    'southern Xinjiang': ['南疆', 'Southern Xinjiang'],
  },
  education: {
    'secondary-vocational': ['中专（中职）', 'Secondary vocational'],
    college: ['大专', 'College'],
    bachelor: ['本科', 'Bachelor'],
    master: ['硕士研究生', 'Master'],
    doctorate: ['博士研究生', 'Doctorate'],
  },
};

export function codeLabel(kind: string, code: string, locale: string) {
  const e = domainCodes[kind]?.[code];
  return e ? (locale === 'en' ? e[1] : e[0]) : code;
}
