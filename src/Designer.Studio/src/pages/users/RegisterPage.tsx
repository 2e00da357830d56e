import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { useApiQuery } from '../../api/query';
import type { RegistrationInfo } from '../../api/types';
import { homeOf, useAuth } from '../../auth';
import { Field, PageHeader, Spinner } from '../../components/ui';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';

const fields = ['userName', 'displayName', 'idNumber', 'phone', 'locality', 'county', 'unit', 'password'] as const;
type FieldName = (typeof fields)[number];

/** 实名 self-registration of an applicant (public); on success the new applicant is signed in. */
export function RegisterPage() {
  const { t } = useI18n();
  const { login } = useAuth();
  const info = useApiQuery(['registration'], () => api.get<RegistrationInfo>('/api/auth/register'));
  const [values, setValues] = useState<Record<FieldName, string>>(Object.fromEntries(fields.map((f) => [f, ''])) as Record<FieldName, string>);
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: FieldName) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (values.password !== confirm) {
      setErrors({ confirm: t('两次输入的密码不一致') });
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      await api.post('/api/auth/register', values);
      const me = await login(values.userName.trim(), values.password);
      navigate(homeOf(me), true);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length)
        setErrors(Object.fromEntries(err.errors.map((x) => [(x.path ?? '').replace('$.', ''), x.message])));
      else setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (info.loading) return <Spinner />;
  if (info.data && !info.data.enabled)
    return (
      <div className="page page-narrow">
        <PageHeader title={t('注册申报人账户')} />
        <div className="alert alert-info">{t('本系统未开放自助注册，请联系管理员开通账户')}</div>
      </div>
    );
  const input = (name: FieldName, label: string, props: Record<string, unknown> = {}) => (
    <Field label={label} htmlFor={`reg-${name}`} error={errors[name]} required={name !== 'unit'}>
      <input id={`reg-${name}`} name={name} value={values[name]} onChange={set(name)} aria-invalid={errors[name] ? true : undefined} {...props} />
    </Field>
  );
  return (
    <div className="page page-narrow">
      <PageHeader title={t('注册申报人账户')} subtitle={t('实名注册：身份证号仅保存脱敏信息，每个身份证号在一个地区只能注册一个账户')} />
      <form onSubmit={submit} noValidate>
        {input('userName', t('用户名'), { autoComplete: 'username' })}
        {input('displayName', t('真实姓名'), { autoComplete: 'name' })}
        {input('idNumber', t('身份证号'), { inputMode: 'text', maxLength: 18 })}
        {input('phone', t('手机号'), { inputMode: 'tel', autoComplete: 'tel' })}
        <Field label={t('所在地区')} htmlFor="reg-locality" error={errors.locality} required>
          <select id="reg-locality" value={values.locality} onChange={set('locality')}>
            <option value="">{t('请选择')}</option>
            {(info.data?.localities ?? []).map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        {input('county', t('所在县（市、区）'))}
        {input('unit', t('工作单位'))}
        {input('password', t('密码'), { type: 'password', autoComplete: 'new-password' })}
        <Field label={t('确认密码')} htmlFor="reg-confirm" error={errors.confirm} hint={t('密码至少 8 位，须同时包含字母和数字，且不能包含用户名')} required>
          <input id="reg-confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </Field>
        {failure && (
          <div className="alert alert-error" role="alert">
            {failure}
          </div>
        )}
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {t('注册并登录')}
        </button>{' '}
        <a href={href('/login')}>{t('已有账户，去登录')}</a>
      </form>
    </div>
  );
}
