import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useLoginMutation } from './api/session.ts';
import { describeLoginError, type LoginProblem } from './login-errors.ts';
import { readLoginSearch } from './return-url.ts';
import './auth.css';

function useProblemMessage(): (problem: LoginProblem) => string {
  const t = useT();
  return (problem) => {
    switch (problem.kind) {
      case 'wrongCredentials':
        return t('login.error.wrongCredentials');
      case 'disabled':
        return t('login.error.disabled');
      case 'locked':
        return t('login.error.locked', { minutes: problem.minutes });
      case 'tooManyAttempts':
        return t('login.error.tooManyAttempts');
      case 'network':
        return t('common.networkError');
      case 'other':
        return t('login.error.other', { message: problem.message });
    }
  };
}

/** Username and password; afterwards back to the page the visitor was sent away from (`?next=`). */
export default function LoginPage() {
  const t = useT();
  const id = useId();
  const location = useLocation();
  const navigate = useNavigate();
  const { next, reason } = readLoginSearch(location.search);
  const queryClient = useQueryClient();
  const login = useLoginMutation();
  const problemMessage = useProblemMessage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Whatever is cached belongs to the session that just ended (or to nobody): forget it before anyone signs in.
  useEffect(() => {
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.documentTitle')}`;
    return () => {
      document.title = t('app.documentTitle');
    };
  }, [t]);

  const problem = login.isError ? describeLoginError(login.error, Date.now()) : null;

  const submit = () => {
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: () => navigate(next, { replace: true }),
        onError: () => {
          setPassword('');
          passwordRef.current?.focus();
        },
      },
    );
  };

  return (
    <main className="login-screen">
      <div className="login-card card">
        <div className="login-brand">
          <span className="brand-name" lang="zh-CN">
            均衡
          </span>
          <span className="brand-latin" lang="en">
            Junheng
          </span>
        </div>
        <p className="login-tagline muted">{t('app.tagline')}</p>
        <h1 className="page-title login-title">{t('login.title')}</h1>
        {reason && !problem && !missing ? (
          <div className={reason === 'expired' ? 'banner banner-warning' : 'banner banner-info'} role="status">
            {reason === 'expired' ? t('login.expired') : t('login.signedOut')}
          </div>
        ) : null}
        {problem || missing ? (
          <div className="banner banner-error" role="alert">
            {missing ? t('login.required') : problem ? problemMessage(problem) : null}
          </div>
        ) : null}
        <form
          className="login-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <label className="form-field" htmlFor={`${id}-username`}>
            <span className="filter-label">{t('login.username')}</span>
            <input
              id={`${id}-username`}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              // biome-ignore lint/a11y/noAutofocus: the only thing to do on this page is to type the user name
              autoFocus
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          </label>
          <label className="form-field" htmlFor={`${id}-password`}>
            <span className="filter-label">{t('login.password')}</span>
            <input
              id={`${id}-password`}
              ref={passwordRef}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          <button type="submit" className="button login-submit" disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="muted small login-note">{t('login.note')}</p>
        <div className="login-footer">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
