import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { homeOf, useAuth } from '../../auth';
import { Field, PageHeader, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';

/** 修改密码: every signed-in user; the only page open while a temporary password must be replaced. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const { me, refresh } = useAuth();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== confirm) {
      setErrors({ confirm: t('两次输入的新密码不一致') });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await api.post('/api/auth/change-password', { currentPassword: current, newPassword: next });
      toast(t('密码已修改，其他设备上的登录已退出'), 'ok');
      await refresh();
      navigate(homeOf(me ? { ...me, mustChangePassword: false } : null), true);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) {
        setErrors(Object.fromEntries(err.errors.map((x) => [(x.path ?? '').replace('$.', ''), x.message])));
      } else toast((err as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page-narrow">
      <PageHeader title={t('修改密码')} subtitle={t('密码至少 8 位，须同时包含字母和数字，且不能包含用户名')} />
      {me?.mustChangePassword && (
        <div className="alert alert-warn" role="alert">
          {t('管理员已重置您的密码，请先设置新密码')}
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <Field label={t('当前密码')} htmlFor="pw-current" error={errors.currentPassword} required>
          <input id="pw-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field label={t('新密码')} htmlFor="pw-new" error={errors.newPassword} required>
          <input id="pw-new" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </Field>
        <Field label={t('确认新密码')} htmlFor="pw-confirm" error={errors.confirm} required>
          <input id="pw-confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </Field>
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {t('保存新密码')}
        </button>
      </form>
    </div>
  );
}
