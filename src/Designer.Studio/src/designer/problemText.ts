import type { ActivityDescriptor, Problem } from '../api/types';
import { propertyLabel } from '../audit/values';
import type { useLabels } from '../catalog';

/** Validator problem codes in words (Chinese; English through i18n). */
export const problemCodeLabels: Record<string, string> = {
  'invalid-json': 'JSON 格式错误',
  'invalid-definition': '不是有效的流程定义',
  'duplicate-id': '标识重复',
  'unknown-type': '未知的活动类型',
  'missing-input': '缺少必填项',
  'invalid-input': '输入无效',
  'missing-activity': '连线指向不存在的活动',
  'unknown-port': '未知的端口',
  unreachable: '无法到达',
  'no-path-to-end': '无法到达结束',
  'script-syntax': '脚本语法错误',
  'unsupported-expression': '不支持的表达式',
  'missing-form': '表单不存在',
  'invalid-form': '表单有误',
  'unknown-stage': '未知的阶段',
  'unknown-organisation': '未知的组织',
  'unknown-committee': '未知的评委会',
  'committee-scope': '评委会范围不符',
  'unknown-role': '未知的角色',
  'unknown-action': '未知的动作',
  'unknown-locality': '未知的地区',
  'invalid-scope': '适用范围有误',
  'invalid-assumption': '本地假设有误',
  'invalid-deadline': '期限有误',
  'orphan-step': '无人承办',
};

/**
 * Where a problem is, in words: the input's label of the activity's type (`$.root.activities[34].stage` → 阶段), the
 * definition's property, or nothing for the whole workflow. The JSON path itself is for the tooltip only.
 */
export function problemPlace(p: Problem, descriptor: ActivityDescriptor | undefined, labels: ReturnType<typeof useLabels>, t: (s: string) => string): string {
  const path = p.path ?? '';
  const afterActivity = /\.activities\[\d+\]\.?([^[\]]*)$/.exec(path)?.[1];
  const property = (afterActivity ?? path.replace(/^\$\.?/, '')).split('.').filter(Boolean);
  if (!property.length) return '';
  const first = property[0] === 'metadata' || property[0] === 'customProperties' ? property.slice(0, 2).join('.') : property[0];
  return propertyLabel(first, descriptor, labels, t);
}

export function problemCodeLabel(code: string | null | undefined, t: (s: string) => string): string {
  if (!code) return '';
  // A code without a label stays out of the text (the message says what is wrong): codes are not for the reader.
  return problemCodeLabels[code] ? t(problemCodeLabels[code]) : '';
}
