import type { ActivityDescriptor, InputDescriptor } from '../api/types';
import type { Labels } from '../catalog';
import type { Translate } from '../i18n';
import { asExpression, literalValue } from './diffModel';

/*
 * How a changed value reads in the change list: literals with their Chinese labels (a stage code shows as its stage
 * name), expressions as code, nothing as （无）.
 */

export function ValueView({ value, input, labels, t }: { value: unknown; input?: InputDescriptor; labels: Labels; t: Translate }) {
  const expr = asExpression(value);
  if (expr && !['Literal', 'Object', 'Json'].includes(expr.type)) {
    return (
      <span className="diff-expr">
        <span className="diff-expr-type">{expr.type}</span>
        <code className="diff-code">{expr.value === undefined || expr.value === null ? '' : String(expr.value)}</code>
      </span>
    );
  }
  const v = literalValue(expr ? expr.value : value);
  return <LiteralView value={v} input={input} labels={labels} t={t} />;
}

function LiteralView({ value, input, labels, t }: { value: unknown; input?: InputDescriptor; labels: Labels; t: Translate }) {
  if (value === undefined || value === null || value === '') return <span className="diff-none">{t('（无）')}</span>;
  if (typeof value === 'boolean') return <span className="diff-literal">{value ? t('是') : t('否')}</span>;
  if (typeof value === 'number') return <span className="diff-literal">{value}</span>;
  if (typeof value === 'string') {
    const label = labelFor(value, input, labels);
    return (
      <span className="diff-literal" title={label !== value ? value : undefined}>
        {label}
      </span>
    );
  }
  if (Array.isArray(value) && value.every((x) => typeof x === 'string' || typeof x === 'number')) {
    if (value.length === 0) return <span className="diff-none">{t('（空列表）')}</span>;
    return <span className="diff-literal">{value.map((x) => labelFor(String(x), input, labels, true)).join('、')}</span>;
  }
  return <code className="diff-code">{compactJson(value)}</code>;
}

function labelFor(value: string, input: InputDescriptor | undefined, labels: Labels, inList = false): string {
  switch (input?.uiHint) {
    case 'stage-picker':
      return labels.stage(value);
    case 'locality-picker':
      return labels.locality(value);
    case 'organisation-picker':
      return labels.org(value);
    case 'role-picker':
      return labels.role(value);
    case 'actions-picker':
      return labels.action(value);
    case 'dropdown': {
      const o = input.options?.find((x) => x.value === value);
      return o ? labels.option(o) : value;
    }
    default:
      return inList ? labels.port(value) : value;
  }
}

export function compactJson(v: unknown) {
  try {
    const s = JSON.stringify(v, null, 1);
    return s.length > 600 ? s.slice(0, 600) + '\u2026' : s;
  } catch {
    return String(v);
  }
}

const knownProperties: Record<string, string> = {
  name: '名称',
  definitionId: '流程标识',
  type: '类型',
  version: '版本',
  description: '说明',
  'metadata.displayText': '显示名称',
  'customProperties.locality': '地区',
  'customProperties.scope': '适用范围',
  'customProperties.clonedFrom': '克隆自',
  'customProperties.source': '依据',
  '*': '整个活动',
};

/** A property of an activity or the definition, as the property panel names it. */
export function propertyLabel(name: string, descriptor: ActivityDescriptor | undefined, labels: Labels, t: Translate): string {
  const input = descriptor?.inputs.find((i) => i.name === name);
  if (input) return labels.input(input);
  if (knownProperties[name]) return t(knownProperties[name]);
  if (name.startsWith('customProperties.')) return name.slice('customProperties.'.length);
  return name;
}

export function inputOf(descriptor: ActivityDescriptor | undefined, name: string) {
  return descriptor?.inputs.find((i) => i.name === name);
}

/** The workflow's own properties that hold codes with labels (its locality). */
export function definitionInput(name: string): InputDescriptor | undefined {
  if (name !== 'customProperties.locality') return undefined;
  return { name, displayName: name, typeName: 'String', uiHint: 'locality-picker', required: false, defaultValue: null, options: null, category: '', description: '', supportsExpressions: false };
}

export const kindLabels: Record<string, string> = {
  added: '新增',
  removed: '已删除',
  changed: '修改',
  moved: '仅移动',
  rewired: '改接',
  renamed: '改名',
};

export const aspectLabels: Record<string, string> = {
  required: '必填',
  type: '类型',
  title: '标题',
  options: '选项',
  minimum: '最小值',
  maximum: '最大值',
  exclusiveMinimum: '最小值',
  exclusiveMaximum: '最大值',
  minLength: '最少字数',
  maxLength: '最多字数',
  minItems: '最少项数',
  maxItems: '最多项数',
  pattern: '格式',
  format: '格式',
  description: '说明',
  default: '默认值',
  enum: '选项',
};
