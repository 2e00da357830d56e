import { useLabels, type CodeKind } from '../../catalog';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { useApiQuery, useWrite } from '../../api/query';
import { useAuth } from '../../auth';
import { FilePicker } from '../../components/FilePicker';
import { Badge, Empty, ErrorBox, PageHeader, Spinner, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { DateInput } from '../../components/DateInput';

interface TitleHeld {
  id: number;
  series: string;
  level: string;
  directed: boolean;
  validIn?: string | null;
  obtainedOn: string;
  source: string;
  certificateNumber?: string | null;
  registeredBy: string;
  /** valid, or what a transfer registered: lapsed, reevaluate, restricted. */
  status?: string;
  statusReason?: string | null;
  statusOn?: string | null;
}

/** A title's standing after a transfer (流动/调动), as the register records it. */
export const titleStatusNames: Record<string, string> = {
  lapsed: '已失效',
  reevaluate: '须重新评聘',
  restricted: '在现单位不得聘任',
};

interface EducationHours {
  id: number;
  year: number;
  category: string;
  hours: number;
  source?: string | null;
  exempt: boolean;
  exemptionReason?: string | null;
  registeredBy: string;
}

interface IntegrityEntry {
  id: number;
  finding: string;
  from: string;
  until: string;
  source: string;
  active: boolean;
}

interface PersonRecord {
  userName: string;
  displayName: string;
  locality: string;
  titles: TitleHeld[];
  educationHours: EducationHours[];
  integrity: IntegrityEntry[];
  canWrite: boolean;
}

interface RowProblem {
  row: number;
  message: string;
}

/** Finds a person's record by user name (HR reviewers and admins); an applicant is taken to their own. */
export function RecordSearchPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [userName, setUserName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (userName.trim()) navigate(`/people/${encodeURIComponent(userName.trim())}`);
  };
  return (
    <div className="page page-narrow">
      <PageHeader title={t('申报人档案')} subtitle={t('现有职称、继续教育学时与诚信档案')} />
      <form className="search-row" onSubmit={submit}>
        <input value={userName} onChange={(e) => setUserName(e.target.value)} placeholder={t('用户名')} aria-label={t('用户名')} />
        <button className="btn btn-primary" type="submit">
          {t('查看')}
        </button>
      </form>
      {me && (
        <p>
          <a href={`#/people/${encodeURIComponent(me.userName)}`}>{t('我的档案')}</a>
        </p>
      )}
      <TitleImportBox />
    </div>
  );
}

/** A person's record: titles held, continuing-education hours, integrity findings; HR of the locality and admins add to it. */
export function PersonRecordPage({ userName }: { userName: string }) {
  const { t } = useI18n();
  const query = useApiQuery(['record', userName], () => api.get<PersonRecord>(`/api/people/${encodeURIComponent(userName)}/record`));
  if (query.loading) return <Spinner />;
  if (query.error) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="page">
        {notFound ? <div className="alert alert-error">{t('找不到该申报人的档案')}</div> : <ErrorBox error={query.error} onRetry={query.reload} />}
      </div>
    );
  }
  const record = query.data!;
  return (
    <div className="page">
      <PageHeader title={t('{name} 的档案', { name: record.displayName || record.userName })} subtitle={record.userName} />
      <TitlesSection record={record} />
      <HoursSection record={record} />
      <IntegritySection record={record} />
    </div>
  );
}

function TitlesSection({ record }: { record: PersonRecord }) {
  const { t } = useI18n();
  const labels = useLabels();
  const sources: Record<string, string> = { certificate: t('本系统发证'), import: t('历史导入'), 'other-region': t('外地取得') };
  return (
    <section className="card" aria-label={t('现有职称')}>
      <h2>{t('现有职称')}</h2>
      {record.titles.length === 0 ? (
        <Empty>{t('尚无职称记录')}</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('系列')}</th>
              <th>{t('层级')}</th>
              <th>{t('类型')}</th>
              <th>{t('取得日期')}</th>
              <th>{t('来源')}</th>
              <th>{t('证书编号')}</th>
              <th>{t('效力')}</th>
            </tr>
          </thead>
          <tbody>
            {record.titles.map((title) => (
              <tr key={title.id}>
                <td>{labels.code('series' as CodeKind, title.series)}</td>
                <td>{labels.code('levels' as CodeKind, title.level)}</td>
                <td>{title.directed ? <Badge tone="warn">{t('定向')}</Badge> : t('通用')}</td>
                <td>{title.obtainedOn}</td>
                <td>{sources[title.source] ?? title.source}</td>
                <td>{title.certificateNumber ? <a href={`#/public/certificates/${encodeURIComponent(title.certificateNumber)}`}>{title.certificateNumber}</a> : ''}</td>
                <td>
                  {!title.status || title.status === 'valid' ? (
                    t('有效')
                  ) : (
                    <span title={title.statusReason ?? undefined}>
                      <Badge tone={title.status === 'lapsed' ? 'error' : 'warn'}>{t(titleStatusNames[title.status] ?? title.status)}</Badge>{' '}
                      {title.statusOn}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {record.canWrite && <AddTitleForm userName={record.userName} />}
    </section>
  );
}

function AddTitleForm({ userName }: { userName: string }) {
  const { t } = useI18n();
  const write = useWrite();
  const toast = useToast();
  const [form, setForm] = useState({ series: '', level: '', directed: false, validIn: '', obtainedOn: '', source: 'import' });
  const [errors, setErrors] = useState<string[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await write(() => api.post(`/api/people/${encodeURIComponent(userName)}/titles`, form));
      setErrors([]);
      toast(t('已登记'), 'ok');
    } catch (error) {
      setErrors(error instanceof ApiError && error.errors.length ? error.errors.map((x) => x.message) : [(error as Error).message]);
    }
  };
  return (
    <form className="search-row record-form" onSubmit={submit} aria-label={t('登记职称')}>
      <input aria-label={t('系列')} placeholder={t('系列代码，如 teacher')} value={form.series} onChange={(e) => setForm({ ...form, series: e.target.value })} />
      <input aria-label={t('层级')} placeholder={t('层级代码，如 intermediate')} value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value })} />
      <label>
        <input type="checkbox" checked={form.directed} onChange={(e) => setForm({ ...form, directed: e.target.checked })} /> {t('定向')}
      </label>
      <input aria-label={t('适用范围')} placeholder={t('适用范围')} value={form.validIn} onChange={(e) => setForm({ ...form, validIn: e.target.value })} />
      <DateInput aria-label={t('取得日期')} value={form.obtainedOn} onChange={(iso) => setForm({ ...form, obtainedOn: iso })} />
      <select aria-label={t('来源')} value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })}>
        <option value="import">{t('历史导入')}</option>
        <option value="other-region">{t('外地取得')}</option>
      </select>
      <button className="btn" type="submit" disabled={write.pending}>
        {t('登记职称')}
      </button>
      {errors.map((m) => (
        <div key={m} className="alert alert-error">
          {m}
        </div>
      ))}
    </form>
  );
}

function HoursSection({ record }: { record: PersonRecord }) {
  const { t } = useI18n();
  const write = useWrite();
  const toast = useToast();
  const [form, setForm] = useState({ year: new Date().getFullYear() - 1, category: 'public', hours: 30, source: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const categories: Record<string, string> = { public: t('公需科目'), professional: t('专业科目') };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await write(() => api.post(`/api/people/${encodeURIComponent(record.userName)}/education-hours`, form));
      setErrors([]);
      toast(t('已登记'), 'ok');
    } catch (error) {
      setErrors(error instanceof ApiError && error.errors.length ? error.errors.map((x) => x.message) : [(error as Error).message]);
    }
  };
  return (
    <section className="card" aria-label={t('继续教育学时')}>
      <h2>{t('继续教育学时')}</h2>
      {record.educationHours.length === 0 ? (
        <Empty>{t('尚无学时记录')}</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('年度')}</th>
              <th>{t('类别')}</th>
              <th>{t('学时')}</th>
              <th>{t('来源')}</th>
              <th>{t('登记人')}</th>
            </tr>
          </thead>
          <tbody>
            {record.educationHours.map((h) => (
              <tr key={h.id}>
                <td>{h.year}</td>
                <td>{categories[h.category] ?? h.category}</td>
                <td>{h.exempt ? <Badge tone="info">{t('免修：{reason}', { reason: h.exemptionReason ?? '' })}</Badge> : h.hours}</td>
                <td>{h.source ?? ''}</td>
                <td>{h.registeredBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {record.canWrite && (
        <form className="search-row record-form" onSubmit={submit} aria-label={t('登记学时')}>
          <input aria-label={t('年度')} type="number" value={form.year} onChange={(e) => setForm({ ...form, year: Number(e.target.value) })} />
          <select aria-label={t('类别')} value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
            <option value="public">{t('公需科目')}</option>
            <option value="professional">{t('专业科目')}</option>
          </select>
          <input aria-label={t('学时')} type="number" value={form.hours} onChange={(e) => setForm({ ...form, hours: Number(e.target.value) })} />
          <input aria-label={t('来源')} placeholder={t('来源')} value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })} />
          <button className="btn" type="submit" disabled={write.pending}>
            {t('登记学时')}
          </button>
          {errors.map((m) => (
            <div key={m} className="alert alert-error">
              {m}
            </div>
          ))}
        </form>
      )}
    </section>
  );
}

function IntegritySection({ record }: { record: PersonRecord }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-label={t('诚信档案')}>
      <h2>{t('诚信档案')}</h2>
      {record.integrity.length === 0 ? (
        <Empty>{t('无诚信档案记录')}</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('查实事项')}</th>
              <th>{t('记录期')}</th>
              <th>{t('状态')}</th>
            </tr>
          </thead>
          <tbody>
            {record.integrity.map((r) => (
              <tr key={r.id}>
                <td>{r.finding}</td>
                <td>
                  {r.from} – {r.until}
                </td>
                <td>{r.active ? <Badge tone="error">{t('记录期内')}</Badge> : <Badge>{t('已过期')}</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Imports titles from a CSV or xlsx file: all or none, with the report per row. */
function TitleImportBox() {
  const { t } = useI18n();
  const write = useWrite();
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [rejected, setRejected] = useState<RowProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    setImported(null);
    setRejected([]);
    setError(null);
    try {
      const report = await write(() => api.post<{ imported: number }>('/api/titles/import', new Blob([file], { type })));
      setImported(report.imported);
    } catch (failure) {
      if (failure instanceof ApiError && Array.isArray(failure.body?.rejected)) setRejected(failure.body.rejected as RowProblem[]);
      else setError((failure as Error).message);
    }
  };
  return (
    <section className="card" aria-label={t('导入职称')}>
      <h2>{t('导入职称')}</h2>
      <p className="muted">{t('CSV 或 Excel 文件，首行为列名：userName, series, level, directed, validIn, obtainedOn。有任何一行出错则整批不导入。')}</p>
      <form className="search-row record-form" onSubmit={submit}>
        <FilePicker accept=".csv,.xlsx" label={t('导入职称')} fileName={file?.name} onFile={(chosen) => setFile(chosen ?? null)} testId="titles-file" />
        <button className="btn" type="submit" disabled={!file || write.pending}>
          {t('导入')}
        </button>
      </form>
      {imported !== null && <div className="alert alert-ok">{t('已导入 {n} 条职称', { n: imported })}</div>}
      {error && <div className="alert alert-error">{error}</div>}
      {rejected.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>{t('以下各行有误，未导入任何职称：')}</p>
          <ul>
            {rejected.map((r, i) => (
              <li key={i}>{t('第 {row} 行：{message}', { row: r.row, message: r.message })}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
