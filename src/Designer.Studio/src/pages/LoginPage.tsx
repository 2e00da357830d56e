import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { Paged } from '../api/types';
import { homeOf, useAuth } from '../auth';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';

export function LoginPage({ next }: { next?: string | null }) {
  const { login } = useAuth();
  const { t, locale, setLocale } = useI18n();
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const providers = useSignInProviders();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!userName.trim() || !password) {
      setError(t('请输入用户名和密码'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await login(userName.trim(), password);
      navigate(next && next.startsWith('/') ? next : homeOf(me), true);
    } catch (err) {
      // The server says nothing about locks (a locked-out client hears "wrong password"); it throttles with 429.
      if (err instanceof ApiError && err.status === 429) setError(t('登录尝试过于频繁，请稍后再试'));
      else if (err instanceof ApiError && (err.status === 401 || err.status === 400)) setError(t('用户名或密码不正确'));
      else setError(t('登录失败：{message}', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <div className="login-lang">
        <button className={locale === 'zh-CN' ? 'on' : ''} onClick={() => setLocale('zh-CN')}>
          中文
        </button>
        <button className={locale === 'en' ? 'on' : ''} onClick={() => setLocale('en')}>
          EN
        </button>
      </div>
      <form className="login-card" onSubmit={submit} noValidate>
        <div className="login-brand">
          <span className="brand-mark big">职</span>
          <div>
            <h1>{t('职称评审流程设计器')}</h1>
            <p>{t('专业技术人员职称评审：流程设计、网上申报、审核与公示')}</p>
          </div>
        </div>
        <label className="field-label" htmlFor="login-user">
          {t('用户名')}
        </label>
        <input id="login-user" name="userName" autoComplete="username" value={userName} onChange={(e) => setUserName(e.target.value)} autoFocus />
        <label className="field-label" htmlFor="login-password">
          {t('密码')}
        </label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
        <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
          {busy ? t('登录中…') : t('登录')}
        </button>
        {providers.map((p) => (
          <a key={p.name} className="btn btn-block" href={`${p.signInUrl}?returnUrl=${encodeURIComponent('/')}`}>
            {t('使用{name}登录', { name: p.displayName })}
          </a>
        ))}
        <div className="login-links">
          <a href={href('/register')}>{t('注册申报人账户')}</a>
          <a href={href('/public/publicity')}>{t('查看公示')}</a>
          <a href={href('/public/certificates')}>{t('证书查验')}</a>
        </div>
      </form>
    </div>
  );
}

interface SignInProvider {
  name: string;
  displayName: string;
  signInUrl: string;
}

/** Upstream identity providers the server signs people in through (none unless configured). */
function useSignInProviders(): SignInProvider[] {
  const [providers, setProviders] = useState<SignInProvider[]>([]);
  useEffect(() => {
    let live = true;
    api
      .get<Paged<SignInProvider>>('/api/auth/providers')
      .then((list) => live && setProviders(list.items ?? []))
      .catch(() => live && setProviders([]));
    return () => {
      live = false;
    };
  }, []);
  return providers;
}
