// The audit trail for supervisors: a page of entries at a time, newest first, narrowed by day, operator ID and
// user ID; each entry says when, who, what (in the operator's language) and for which customer; and the whole
// trail, with the same filter, leaves the kiosk as JSON Lines or CSV that `npm run audit:verify` checks. Every
// answer also says whether the trail stored on the kiosk is whole.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditExportFormat, AuditFilter } from '../../../app/audit/entry';
import type { ResponseOf } from '../../../app/ipc/channels';
import { shortReference } from '../../../app/enrollment-reference';
import { localDayOf } from '../../../app/local-day';
import { downloadText } from '../../store/downloads';
import { kiosk, sessionToken } from '../../store/kiosk-store';
import { actorLabel, auditFilterOf, type AuditFilterForm, type AuditFormProblem } from './audit-view';
import type { PanelCall } from './panel-call';

type AuditPage = ResponseOf<'listAudit'>;

/** Entries per page: a screenful on the kiosk's display. */
const PAGE_SIZE = 25;

export function AuditTrailView(props: { call: PanelCall }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<AuditFilterForm>(() => ({
    day: localDayOf(Date.now()),
    operatorId: '',
    userId: '',
  }));
  const [formProblem, setFormProblem] = useState<AuditFormProblem | null>(null);
  const [filter, setFilter] = useState<AuditFilter>(() => ({ day: form.day }));
  // The cursor of each page shown so far: the last one is the page on screen (undefined: the newest).
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [saved, setSaved] = useState<{ fileName: string; entries: number } | null>(null);
  const when = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }),
    [i18n.language],
  );
  const cursor = cursors.at(-1);

  useEffect(() => {
    // An answer to a question asked before the latest one (a slow page, then a new filter) is dropped.
    let latest = true;
    void props.call(async () => {
      const answer = await kiosk().listAudit({
        grant: sessionToken(),
        filter,
        limit: PAGE_SIZE,
        ...(cursor !== undefined ? { beforeSeq: cursor } : {}),
      });
      if (latest) setPage(answer);
    });
    return () => {
      latest = false;
    };
    // A new filter or page asks main again; `call` is the panel's and does not change what is asked.
  }, [filter, cursor]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    const checked = auditFilterOf(form);
    if ('problem' in checked) {
      setFormProblem(checked.problem);
      return;
    }
    setFormProblem(null);
    setSaved(null);
    setFilter(checked.filter);
    setCursors([undefined]);
  };

  const exportAs = (format: AuditExportFormat) =>
    void props.call(async () => {
      const file = await kiosk().exportAudit({ grant: sessionToken(), filter, format });
      downloadText(file.fileName, file.content, format);
      setSaved({ fileName: file.fileName, entries: file.entries });
    });

  const field = (name: keyof AuditFilterForm) => ({
    id: `audit-${name}`,
    'data-testid': `audit-${name}`,
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });

  return (
    <section className="audit-trail" aria-labelledby="audit-title" data-testid="audit-trail">
      <h2 id="audit-title">{t('operator.audit.title')}</h2>
      <form className="panel-filters" onSubmit={show}>
        <label htmlFor="audit-day">{t('operator.audit.day')}</label>
        <input type="date" max={localDayOf(Date.now())} {...field('day')} />
        <label htmlFor="audit-operatorId">{t('operator.audit.operatorId')}</label>
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={formProblem === 'operatorId'}
          {...field('operatorId')}
        />
        <label htmlFor="audit-userId">{t('operator.audit.userId')}</label>
        <input
          type="search"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={formProblem === 'userId'}
          {...field('userId')}
        />
        {formProblem && (
          <p className="error" role="alert" data-testid="audit-form-problem">
            {t(`operator.audit.problems.${formProblem}`)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" data-testid="audit-show">
            {t('operator.audit.show')}
          </button>
        </div>
      </form>

      {page && <Integrity page={page} />}
      {page && page.entries.length === 0 && <p data-testid="audit-none">{t('operator.audit.none')}</p>}
      {page && page.entries.length > 0 && (
        <>
          <p data-testid="audit-matched">{t('operator.audit.matched', { count: page.matched })}</p>
          <table className="jobs audit-entries" data-testid="audit-entries">
            <thead>
              <tr>
                <th scope="col">{t('operator.audit.columns.when')}</th>
                <th scope="col">{t('operator.audit.columns.who')}</th>
                <th scope="col">{t('operator.audit.columns.what')}</th>
                <th scope="col">{t('operator.audit.columns.customer')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <tr key={entry.seq} data-seq={entry.seq} data-action={entry.action}>
                  <td>
                    <time dateTime={entry.at}>{when.format(entry.atMs)}</time>
                  </td>
                  <td>{actorLabel(t, entry.actor)}</td>
                  <td>{t(`operator.audit.actions.${entry.action}`)}</td>
                  <td>
                    {entry.subject.userId && <div className="user-id">{entry.subject.userId}</div>}
                    {entry.subject.jobId && (
                      <div className="reference">
                        {t('operator.reference', { reference: shortReference(entry.subject.jobId) })}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="actions pager">
        <button
          type="button"
          className="secondary"
          data-testid="audit-newer"
          disabled={cursors.length <= 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t('operator.audit.newer')}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="audit-older"
          disabled={!page?.nextBeforeSeq}
          onClick={() => page?.nextBeforeSeq && setCursors([...cursors, page.nextBeforeSeq])}
        >
          {t('operator.audit.older')}
        </button>
      </div>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          data-testid="audit-export-jsonl"
          onClick={() => exportAs('jsonl')}
        >
          {t('operator.audit.exportJsonl')}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="audit-export-csv"
          onClick={() => exportAs('csv')}
        >
          {t('operator.audit.exportCsv')}
        </button>
      </div>
      {saved && (
        <p className="ok" role="status" data-testid="audit-exported">
          {t('operator.audit.exported', { fileName: saved.fileName, count: saved.entries })}
        </p>
      )}
    </section>
  );
}

/** Whether the trail stored on the kiosk is whole, as main checked it while answering. */
function Integrity({ page }: { page: AuditPage }) {
  const { t } = useTranslation();
  if (page.integrity.ok) {
    return (
      <p className="ok" data-testid="audit-integrity" data-ok="true">
        {page.head ? t('operator.audit.whole', { seq: page.head.seq }) : t('operator.audit.empty')}
      </p>
    );
  }
  const seq = page.integrity.problem?.seq ?? null;
  return (
    <p className="error" role="alert" data-testid="audit-integrity" data-ok="false">
      {seq === null ? t('operator.audit.damaged') : t('operator.audit.damagedAt', { seq })}
    </p>
  );
}
