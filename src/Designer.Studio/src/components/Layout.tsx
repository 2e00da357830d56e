import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useMatches } from 'react-router';
import { hasRole, homeOf, isAdmin, Roles, useAuth } from '../auth';
import { useLabels } from '../catalog';
import { useI18n } from '../i18n';
import { navigate, useRoute } from '../router';
import type { RouteHandle } from '../routes';
import { NotificationBell } from './NotificationBell';
import { Spinner, useToast } from './ui';

interface NavItem {
  to: string;
  label: string;
  show: boolean;
}

/** The layout route: the top bar, then the page of the matched route. */
export function Layout() {
  const { me, logout } = useAuth();
  const { t, locale, setLocale } = useI18n();
  const labels = useLabels();
  const route = useRoute();
  const toast = useToast();
  const { key: locationKey } = useLocation();
  useEffect(() => toast.navigated(), [locationKey, toast]);
  // Narrow screens (a phone at 390 px): the menu folds behind a button; following a link or Escape closes it.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [locationKey]);
  useEffect(() => {
    if (!menuOpen) return;
    const close = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      document.getElementById('menu-toggle')?.focus();
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [menuOpen]);
  const signOut = async () => {
    await logout();
    navigate('/login');
  };
  const fullBleed = useMatches().some((m) => (m.handle as RouteHandle | undefined)?.fullBleed);
  const admin = isAdmin(me);
  const items: NavItem[] = [
    { to: '/workflows', label: t('流程'), show: admin || hasRole(me, Roles.auditor) },
    { to: '/forms', label: t('表单'), show: admin },
    { to: '/procedures', label: t('申报'), show: hasRole(me, Roles.applicant) },
    { to: '/applications', label: t('我的申报'), show: hasRole(me, Roles.applicant) },
    { to: '/inbox', label: t('待办'), show: hasRole(me, Roles.reviewer) },
    { to: '/committee', label: t('评审会'), show: hasRole(me, Roles.reviewer, Roles.policyAdmin, Roles.localityAdmin) },
    { to: '/committees', label: t('评委会'), show: hasRole(me, Roles.policyAdmin, Roles.localityAdmin, Roles.auditor) },
    { to: '/experts', label: t('专家库'), show: hasRole(me, Roles.policyAdmin, Roles.localityAdmin, Roles.auditor) },
    { to: '/operations', label: t('运行监控'), show: hasRole(me, Roles.policyAdmin, Roles.localityAdmin, Roles.auditor) },
    { to: '/people', label: t('档案'), show: hasRole(me, Roles.reviewer, Roles.policyAdmin, Roles.localityAdmin) },
    { to: me ? `/people/${encodeURIComponent(me.userName)}` : '/people', label: t('我的档案'), show: hasRole(me, Roles.applicant) },
    { to: '/calendar', label: t('申报日历'), show: admin || hasRole(me, Roles.auditor) },
    { to: '/users', label: t('用户'), show: admin },
    { to: '/vocabulary', label: t('词表'), show: admin || hasRole(me, Roles.auditor) },
    { to: '/organisations', label: t('组织机构'), show: admin || hasRole(me, Roles.auditor) },
    { to: '/governance', label: t('监督管理'), show: admin || hasRole(me, Roles.auditor) || (hasRole(me, Roles.reviewer) && /(^|\/)hr$/.test(me?.org ?? '')) },
    { to: '/education-registrars', label: t('继续教育登记'), show: admin || hasRole(me, Roles.auditor) },
    { to: '/history', label: t('审计'), show: hasRole(me, Roles.auditor, Roles.policyAdmin, Roles.localityAdmin) },
    { to: '/public/publicity', label: t('公示'), show: true },
    { to: '/public/certificates', label: t('证书查验'), show: true },
  ];
  const active = (to: string) => route.path === to || route.path.startsWith(to + '/');
  return (
    <div className={`app ${fullBleed ? 'app-full' : ''}`}>
      <header className="topbar">
        <Link className="brand" to={me ? homeOf(me) : '/login'}>
          <span className="brand-mark">职</span>
          <span className="brand-name">{t('职称评审流程设计器')}</span>
        </Link>
        <button
          id="menu-toggle"
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <span aria-hidden="true">☰</span> {t('菜单')}
        </button>
        <nav id="main-nav" className={`topnav ${menuOpen ? 'open' : ''}`} aria-label={t('主菜单')}>
          {items
            .filter((i) => i.show)
            .map((i) => (
              <Link key={i.to} to={i.to} className={active(i.to) ? 'active' : ''} aria-current={active(i.to) ? 'page' : undefined}>
                {i.label}
              </Link>
            ))}
          {me && (
            <div className="nav-account">
              <span className="nav-user">
                {me.displayName || me.userName}
                {me.locality && <small> · {labels.locality(me.locality)}</small>}
              </span>
              <Link to="/account/password">{t('修改密码')}</Link>
              <button type="button" onClick={signOut}>
                {t('退出')}
              </button>
            </div>
          )}
        </nav>
        <div className="topbar-right">
          <div className="lang-switch" role="group" aria-label={t('语言')}>
            <button className={locale === 'zh-CN' ? 'on' : ''} onClick={() => setLocale('zh-CN')}>
              中文
            </button>
            <button className={locale === 'en' ? 'on' : ''} onClick={() => setLocale('en')}>
              EN
            </button>
          </div>
          {me && <NotificationBell />}
          {me ? (
            <div className="user-box">
              <span className="user-name" title={[me.displayName || me.userName, me.locality ? labels.locality(me.locality) : ''].filter(Boolean).join(' · ')}>
                {me.displayName || me.userName}
                {me.locality && <small> · {labels.locality(me.locality)}</small>}
              </span>
              <Link className="btn btn-small btn-ghost" to="/account/password">
                {t('修改密码')}
              </Link>
              <button className="btn btn-small btn-ghost" onClick={signOut}>
                {t('退出')}
              </button>
            </div>
          ) : (
            <Link className="btn btn-small" to="/login">
              {t('登录')}
            </Link>
          )}
        </div>
      </header>
      <main className={fullBleed ? 'main-full' : 'main'}>
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
