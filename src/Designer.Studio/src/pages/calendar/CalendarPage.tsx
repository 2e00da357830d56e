import { useCatalog, useLabels, type CodeKind } from '../../catalog';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useApiQuery, useWrite } from '../../api/query';
import type { CalendarHoliday, CalendarPage as Paged, CalendarWindow } from '../../api/types';
import { useAuth } from '../../auth';
import { Badge, Empty, ErrorBox, PageHeader, Spinner, useToast } from '../../components/ui';
import { useI18n } from '../../i18n';
import { DateInput } from '../../components/DateInput';

const list = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** 申报日历: the application windows of the admin's locality (draft → published) and the holidays it keeps on top of the national calendar. */
export function CalendarPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <PageHeader title={t('申报日历')} subtitle={t('申报时间（按类别、系列、级别）与地区性节假日；发布后的申报时间约束提交，节假日影响公示期和办理时限的工作日计算')} />
      <WindowsSection />
      <HolidaysSection />
    </div>
  );
}

function useProblem() {
  const { t } = useI18n();
  const toast = useToast();
  return (e: unknown) => {
    const detail = e instanceof ApiError && e.errors.length ? e.errors.map((x) => `${x.path ?? ''} ${x.message}`).join('；') : (e as Error).message;
    toast(t('保存失败：{message}', { message: detail }), 'error');
  };
}

function WindowsSection() {
  const { t } = useI18n();
  const labels = useLabels();
  const { me } = useAuth();
  const toast = useToast();
  const failed = useProblem();
  const write = useWrite();
  const { data, error, loading, reload } = useApiQuery(['calendar', 'windows'], () => api.get<Paged<CalendarWindow>>('/api/calendar/windows?pageSize=200'));
  const { vocab } = useCatalog();
  const blank = { locality: me?.locality ?? '', name: '', opens: '', closes: '', source: '' };
  const [draft, setDraft] = useState(blank);
  const noneChosen: Record<ScopeField, string[]> = { kinds: [], series: [], levels: [], counties: [] };
  const [scope, setScope] = useState(noneChosen);
  const body = (w: CalendarWindow, status: string) => ({ ...w, status });
  // Applications name their county as written (its name), which is what a window's counties are matched against.
  const countyNames = Object.values((vocab.counties as Record<string, Record<string, string>>)?.[draft.locality] ?? {});

  async function add() {
    try {
      await write(() => api.post('/api/calendar/windows', { ...draft, ...scope, status: 'draft' }));
      setScope(noneChosen);
      setDraft(blank);
      toast(t('已保存为草稿'), 'ok');
      reload();
    } catch (e) {
      failed(e);
    }
  }
  async function setStatus(w: CalendarWindow, status: string) {
    try {
      await write(() => api.put(`/api/calendar/windows/${encodeURIComponent(w.id)}`, body(w, status)));
      reload();
    } catch (e) {
      failed(e);
    }
  }
  async function remove(w: CalendarWindow) {
    try {
      await write(() => api.del(`/api/calendar/windows/${encodeURIComponent(w.id)}`));
      reload();
    } catch (e) {
      failed(e);
    }
  }
  const codes = (kind: string, values: string[]) => (values.length ? values.map((c) => labels.code(kind as CodeKind, c)).join('、') : t('不限'));
  const field = (key: keyof typeof blank, label: string, type = 'text') => (
    <label>
      {t(label)}
      {type === 'date' ? (
        <DateInput value={draft[key]} aria-label={t(label)} onChange={(iso) => setDraft({ ...draft, [key]: iso })} />
      ) : (
        <input type={type} value={draft[key]} aria-label={t(label)} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
      )}
    </label>
  );
  return (
    <section className="card" data-testid="calendar-windows">
      <h2>{t('申报时间')}</h2>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && (data?.items ?? []).length === 0 && <Empty>{t('尚未设置申报时间：各事项不受时间限制')}</Empty>}
      {(data?.items ?? []).length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('地区')}</th>
              <th>{t('名称')}</th>
              <th>{t('适用范围')}</th>
              <th>{t('开始')}</th>
              <th>{t('截止')}</th>
              <th>{t('状态')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data!.items.map((w) => (
              <tr key={w.id} data-window-id={w.id}>
                <td>{labels.locality(w.locality)}</td>
                <td>
                  {w.name}
                  {w.source && <div className="muted small">{w.source}</div>}
                </td>
                <td className="small">
                  {codes('kinds', w.kinds)} · {codes('series', w.series)} · {codes('levels', w.levels)}
                  {w.counties.length > 0 && ` · ${w.counties.join('、')}`}
                </td>
                <td>{w.opens}</td>
                <td>{w.closes}</td>
                <td>{w.status === 'published' ? <Badge tone="ok">{t('已发布')}</Badge> : <Badge tone="neutral">{t('草稿')}</Badge>}</td>
                <td className="row-actions">
                  {w.status === 'published' ? (
                    <button className="btn btn-small" onClick={() => setStatus(w, 'draft')}>
                      {t('撤回')}
                    </button>
                  ) : (
                    <button className="btn btn-small btn-primary" onClick={() => setStatus(w, 'published')}>
                      {t('发布')}
                    </button>
                  )}
                  <button className="btn btn-small btn-ghost" onClick={() => remove(w)}>
                    {t('删除')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('新增申报时间')}</h3>
      <div className="filters">
        <label>
          {t('地区')}
          <select value={draft.locality} onChange={(e) => setDraft({ ...draft, locality: e.target.value })}>
            {Object.keys(vocab.localities).map((code) => (
              <option key={code} value={code}>
                {labels.locality(code)}
              </option>
            ))}
          </select>
        </label>
        {field('name', '名称')}
      </div>
      <p className="muted small">{t('不勾选即不限。')}</p>
      <div className="scope-pickers">
        <CodePicker legend={t('申报类型')} options={Object.keys(vocab.kinds).map((c) => [c, labels.code('kinds', c)])} chosen={scope.kinds} onChange={(v) => setScope({ ...scope, kinds: v })} />
        <CodePicker legend={t('系列')} options={Object.keys(vocab.series).map((c) => [c, labels.code('series', c)])} chosen={scope.series} onChange={(v) => setScope({ ...scope, series: v })} />
        <CodePicker legend={t('层级')} options={Object.keys(vocab.levels).map((c) => [c, labels.code('levels', c)])} chosen={scope.levels} onChange={(v) => setScope({ ...scope, levels: v })} />
        <CodePicker legend={t('县（市、区）')} options={countyNames.map((n) => [n, n])} chosen={scope.counties} onChange={(v) => setScope({ ...scope, counties: v })} />
      </div>
      <div className="filters">
        {field('opens', '开始', 'date')}
        {field('closes', '截止', 'date')}
        {field('source', '依据文件')}
        <button className="btn btn-primary" onClick={add} disabled={write.pending}>
          {t('保存草稿')}
        </button>
      </div>
    </section>
  );
}

type ScopeField = 'kinds' | 'series' | 'levels' | 'counties';

/** A window's scope for one list: tick the entries it applies to (by their names; none ticked means all). */
function CodePicker({ legend, options, chosen, onChange }: { legend: string; options: string[][]; chosen: string[]; onChange: (values: string[]) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="code-picker">
      <legend>{legend}</legend>
      {options.length === 0 && <span className="muted small">{t('无可选项')}</span>}
      {options.map(([value, name]) => (
        <label key={value} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, value] : chosen.filter((c) => c !== value))}
          />
          {name}
        </label>
      ))}
    </fieldset>
  );
}

function HolidaysSection() {
  const { t } = useI18n();
  const labels = useLabels();
  const { me } = useAuth();
  const failed = useProblem();
  const write = useWrite();
  const { data, error, loading, reload } = useApiQuery(['calendar', 'holidays'], () => api.get<Paged<CalendarHoliday>>('/api/calendar/holidays?pageSize=200'));
  const blank = { locality: me?.locality ?? '', name: '', from: '', to: '', workdays: '', source: '', note: '' };
  const [draft, setDraft] = useState(blank);
  async function add() {
    try {
      await write(() => api.post('/api/calendar/holidays', { ...draft, to: draft.to || draft.from, workdays: list(draft.workdays) }));
      setDraft(blank);
      reload();
    } catch (e) {
      failed(e);
    }
  }
  async function remove(h: CalendarHoliday) {
    try {
      await write(() => api.del(`/api/calendar/holidays/${encodeURIComponent(h.id)}`));
      reload();
    } catch (e) {
      failed(e);
    }
  }
  const field = (key: keyof typeof blank, label: string, type = 'text') => (
    <label>
      {t(label)}
      {type === 'date' ? (
        <DateInput value={draft[key]} aria-label={t(label)} onChange={(iso) => setDraft({ ...draft, [key]: iso })} />
      ) : (
        <input type={type} value={draft[key]} aria-label={t(label)} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
      )}
    </label>
  );
  return (
    <section className="card" data-testid="calendar-holidays">
      <h2>{t('地区性节假日')}</h2>
      <p className="muted small">{t('在全国节假日之上另放的假，下级地区同样适用（如自治区的肉孜节、古尔邦节适用于各地州）')}</p>
      {loading && <Spinner />}
      <ErrorBox error={error} onRetry={reload} />
      {!loading && !error && (data?.items ?? []).length === 0 && <Empty>{t('没有地区性节假日')}</Empty>}
      {(data?.items ?? []).length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('地区')}</th>
              <th>{t('节日')}</th>
              <th>{t('放假日期')}</th>
              <th>{t('调休上班')}</th>
              <th>{t('依据文件')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data!.items.map((h) => (
              <tr key={h.id}>
                <td>{labels.locality(h.locality)}</td>
                <td>{h.name}</td>
                <td>{h.from === h.to ? h.from : `${h.from} 至 ${h.to}`}</td>
                <td className="small">{h.workdays.join('、')}</td>
                <td className="small">
                  {h.source}
                  {h.note && <div className="muted">{h.note}</div>}
                </td>
                <td className="row-actions">
                  <button className="btn btn-small btn-ghost" onClick={() => remove(h)}>
                    {t('删除')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('新增地区性节假日')}</h3>
      <div className="filters">
        {field('locality', '地区')}
        {field('name', '节日')}
        {field('from', '开始', 'date')}
        {field('to', '结束', 'date')}
        {field('workdays', '调休上班日（逗号分隔）')}
        {field('source', '依据文件')}
        {field('note', '备注')}
        <button className="btn btn-primary" onClick={add} disabled={write.pending}>
          {t('保存')}
        </button>
      </div>
    </section>
  );
}
