import Form from '@rjsf/core';
import { englishStringTranslator, replaceStringParameters, TranslatableString, type ErrorListProps, type RJSFValidationError } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { forwardRef, useMemo, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { makeTransformErrors } from '../i18n/ajv';
import { AttachmentWidget, describeDataUrl } from './AttachmentWidget';
import { DateWidget } from './DateWidget';
import { prepareForRjsf } from './schemaUtils';

const ownWidgets = { FileWidget: AttachmentWidget, file: AttachmentWidget, DateWidget, date: DateWidget };

/** Every attachment item ({fileName, dataUrl}) whose file name is blank gets the chosen file's name. */
function withFileNames(data: any): any {
  if (Array.isArray(data)) return data.map(withFileNames);
  if (!data || typeof data !== 'object') return data;
  const out: any = {};
  for (const [key, value] of Object.entries(data)) out[key] = withFileNames(value);
  if ('dataUrl' in out && !out.fileName) {
    const name = describeDataUrl(out.dataUrl)?.name;
    if (name) out.fileName = name;
  }
  return out;
}

/** RJSF's own strings (buttons, labels) in Chinese. */
const zhStrings: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '第 %1 项',
  [TranslatableString.MissingItems]: '缺少列表项定义',
  [TranslatableString.EmptyArray]: '暂无条目，可用下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.NewStringDefault]: '新值',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.ExpandButton]: '展开',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.PreviewLabel]: '预览',
  [TranslatableString.DecrementAriaLabel]: '减 1',
  [TranslatableString.IncrementAriaLabel]: '加 1',
  [TranslatableString.OptionalObjectAdd]: '填写此可选项',
  [TranslatableString.OptionalObjectRemove]: '移除此可选项',
  [TranslatableString.OptionalObjectEmptyMsg]: '此可选项未填写',
  [TranslatableString.Type]: '类型',
  [TranslatableString.Value]: '值',
  [TranslatableString.ClearButton]: '清空',
  [TranslatableString.UnknownFieldType]: '未知字段类型 %1',
  [TranslatableString.OptionPrefix]: '选项 %1',
  [TranslatableString.TitleOptionPrefix]: '%1 选项 %2',
  [TranslatableString.KeyLabel]: '%1 键',
  [TranslatableString.DeprecatedLabel]: '%1（已弃用）',
  [TranslatableString.UnsupportedField]: '不支持的字段定义。',
  [TranslatableString.UnsupportedFieldWithId]: '字段 `%1` 的定义不受支持。',
  [TranslatableString.UnsupportedFieldWithReason]: '不支持的字段定义：_%1_。',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: '字段 `%1` 的定义不受支持：_%2_。',
  [TranslatableString.FilesInfo]: '**%1**（%2，%3 字节）',
};

function zhTranslator(s: TranslatableString, params?: string[]) {
  const zh = zhStrings[s];
  return zh ? replaceStringParameters(zh, params) : englishStringTranslator(s, params);
}

function ErrorList({ errors }: ErrorListProps) {
  const { t } = useI18n();
  if (!errors.length) return null;
  return (
    <div className="alert alert-error form-error-list" role="alert">
      <strong>{t('请修改以下 {n} 处填写错误：', { n: errors.length })}</strong>
      <ul>
        {errors.map((e: RJSFValidationError, i: number) => (
          <li key={i}>{e.stack}</li>
        ))}
      </ul>
    </div>
  );
}

export interface SchemaFormProps {
  schema: any;
  uiSchema?: any;
  formData?: any;
  onChange?: (data: any) => void;
  onSubmit?: (data: any) => void;
  onError?: (errors: RJSFValidationError[]) => void;
  extraErrors?: any;
  readonly?: boolean;
  disabled?: boolean;
  liveValidate?: boolean;
  idPrefix?: string;
  children?: ReactNode;
  className?: string;
  /** Extra widgets by `ui:widget` name (the apply form's `unit` picker) and the context they read. */
  widgets?: Record<string, any>;
  formContext?: any;
}

/**
 * A form generated from JSON Schema, exactly as applicants see it: Chinese errors next to fields, RJSF strings
 * translated, files as data URLs (format "data-url").
 */
export const SchemaForm = forwardRef<any, SchemaFormProps>(function SchemaForm(props, ref) {
  const { locale } = useI18n();
  const prepared = useMemo(() => prepareForRjsf(props.schema ?? {}, props.uiSchema ?? {}), [props.schema, props.uiSchema]);
  // transformErrors reads the current locale at call time; the memo dependency re-validates after a switch.
  const transformErrors = useMemo(() => makeTransformErrors(prepared.schema), [prepared.schema, locale]);
  return (
    <Form
      ref={ref}
      className={`schema-form ${props.className ?? ''}`}
      idPrefix={props.idPrefix}
      schema={prepared.schema}
      uiSchema={{ ...prepared.uiSchema, 'ui:submitButtonOptions': { norender: true } }}
      formData={props.formData}
      validator={validator}
      transformErrors={transformErrors}
      translateString={locale === 'en' ? englishStringTranslator : zhTranslator}
      templates={{ ErrorListTemplate: ErrorList }}
      widgets={{ ...ownWidgets, ...props.widgets }}
      formContext={props.formContext}
      showErrorList="top"
      noHtml5Validate
      // A `const: true` pledge (承诺) must be ticked by the person, never pre-filled as a default.
      experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
      focusOnFirstError
      liveValidate={props.liveValidate ? 'onChange' : undefined}
      readonly={props.readonly}
      disabled={props.disabled}
      extraErrors={props.extraErrors}
      onChange={(e) => props.onChange?.(withFileNames(e.formData))}
      onSubmit={(e) => props.onSubmit?.(e.formData)}
      onError={props.onError}
    >
      {props.children ?? <></>}
    </Form>
  );
});
