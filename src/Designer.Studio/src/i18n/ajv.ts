import type { RJSFValidationError } from '@rjsf/utils';
import { schemaAt } from '../forms/schemaUtils';
import { tt } from './index';

/**
 * Localises ajv's validation errors (RJSF `transformErrors`): every message shown next to a field is Chinese by default,
 * English with the language switch. Uses the schema for titles, `x-patternHint` and anyOf branch titles.
 */

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  null: '空值',
};

const formatNames: Record<string, string> = {
  date: '有效日期（如 2024-09-02）',
  'date-time': '有效的日期时间',
  time: '有效时间',
  email: '有效的电子邮箱地址',
  uri: '有效的网址',
  'uri-reference': '有效的网址',
  'data-url': '上传的文件',
  ipv4: '有效的 IP 地址',
};

export function localiseError(error: RJSFValidationError, rootSchema: any): RJSFValidationError | null {
  const p: any = error.params ?? {};
  const property = error.property ?? '';
  const fieldSchema = schemaAt(rootSchema, property) ?? {};
  let message: string;
  switch (error.name) {
    case 'required':
      message = tt('此项为必填项');
      break;
    case 'minLength':
      message = p.limit === 1 ? tt('此项为必填项') : tt('至少填写 {n} 个字符', { n: p.limit });
      break;
    case 'maxLength':
      message = tt('最多填写 {n} 个字符', { n: p.limit });
      break;
    case 'pattern':
      message = fieldSchema['x-patternHint'] ? tt('格式不正确，应为：{hint}', { hint: fieldSchema['x-patternHint'] }) : tt('格式不正确');
      break;
    case 'format':
      message = tt('请填写{what}', { what: tt(formatNames[p.format] ?? '正确格式的内容') });
      break;
    case 'minimum':
      message = tt('不能小于 {n}', { n: p.limit });
      break;
    case 'maximum':
      message = tt('不能大于 {n}', { n: p.limit });
      break;
    case 'exclusiveMinimum':
      message = tt('必须大于 {n}', { n: p.limit });
      break;
    case 'exclusiveMaximum':
      message = tt('必须小于 {n}', { n: p.limit });
      break;
    case 'multipleOf':
      message = tt('必须是 {n} 的倍数', { n: p.multipleOf });
      break;
    case 'type':
      message = tt('应填写{type}', { type: tt(typeNames[String(p.type).split(',')[0]] ?? String(p.type)) });
      break;
    case 'enum':
      message = tt('请从给定选项中选择');
      break;
    case 'const':
      message = p.allowedValue === true ? tt('请勾选此项') : tt('取值必须为 {v}', { v: JSON.stringify(p.allowedValue) });
      break;
    case 'minItems':
      message = tt('至少需要 {n} 项', { n: p.limit });
      break;
    case 'maxItems':
      message = tt('最多 {n} 项', { n: p.limit });
      break;
    case 'uniqueItems':
      message = tt('不能有重复项');
      break;
    case 'anyOf':
    case 'oneOf': {
      const branches: any[] = fieldSchema[error.name] ?? [];
      const titles = branches.map((b) => b?.title).filter(Boolean);
      message = titles.length ? tt('请完成以下任一项：{items}', { items: titles.join(tt('，或')) }) : tt('请按要求填写');
      break;
    }
    case 'additionalProperties':
      message = tt('不允许的字段：{name}', { name: p.additionalProperty });
      break;
    case 'dependencies':
      message = tt('填写此项时，还须填写 {name}', { name: p.missingProperty });
      break;
    case 'if':
    case 'not':
    case 'false schema':
      return null;
    default:
      message = tt('填写有误');
  }
  const title = fieldSchema.title || property.replace(/^\./, '');
  return { ...error, message, stack: title ? `${title}：${message}` : message };
}

/** `transformErrors` for RJSF; drops the `required` errors that only explain an anyOf/oneOf (the anyOf message does). */
export function makeTransformErrors(rootSchema: any) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors
      .filter((e) => !(e.name === 'required' && /\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath ?? '')))
      .map((e) => localiseError(e, rootSchema))
      .filter((e): e is RJSFValidationError => !!e);
}
