/** How the picked file is read: kind, columns or property, code system, province list, year. */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTABLE_METRICS } from '../../domain/import/columns';
import { IMPORT_KINDS, type ImportKind } from '../../domain/import/kinds';
import type { ImportOptions, ImportPreview } from '../../domain/import/pipeline';
import type { CodeSystem } from '../../domain/import/provinces';
import type { StatisticsOptions, StatisticsResult } from '../../domain/import/statistics';
import type { TrainingOptions, TrainingResult } from '../../domain/import/training';
import type { Basis, MetricId } from '../../domain/types';

type SetOptions = (update: (o: ImportOptions) => ImportOptions) => void;

/** A labelled select whose empty value means null. */
function Choice({
  label,
  value,
  choices,
  empty,
  onChange,
}: {
  label: string;
  value: string | null;
  choices: readonly { value: string; label: string }[];
  /** Label of the null choice; omit when a value is required. */
  empty?: string;
  onChange: (v: string | null) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        {empty !== undefined || value === null ? <option value="">{empty ?? '—'}</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function CodeSystemChoice({
  value,
  needed,
  onChange,
}: {
  value: CodeSystem | null;
  needed: boolean;
  onChange: (v: CodeSystem | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className={needed ? 'import-needed' : undefined}>
      <Choice
        label={t('import.codeSystem')}
        value={value}
        empty={t('import.notChosen')}
        choices={[
          { value: 'bps', label: t('import.codeBps') },
          { value: 'kemendagri', label: t('import.codeKemendagri') },
        ]}
        onChange={(v) => onChange(v as CodeSystem | null)}
      />
      <p className="hint">{t('import.codeHint')}</p>
    </div>
  );
}

function StatisticsForm({ r, setOptions }: { r: StatisticsResult; setOptions: SetOptions }) {
  const { t } = useTranslation();
  const o = r.options;
  const cols = r.columns.map((c) => ({ value: c, label: c }));
  const set = (patch: Partial<StatisticsOptions>) =>
    setOptions((x) => ({ ...x, statistics: { ...x.statistics, ...patch } }));
  const metricChoices = IMPORTABLE_METRICS.map((m) => ({ value: m, label: t(`import.metrics.${m}`) }));
  const used = new Set([o.provinceColumn, o.yearColumn, o.metricColumn, o.valueColumn]);
  const valueColumns = r.columns.filter((c) => !used.has(c));
  return (
    <>
      <div className="field-row">
        <Choice
          label={t('import.stats.provinceColumn')}
          value={o.provinceColumn}
          choices={cols}
          empty={t('import.none')}
          onChange={(v) => set({ provinceColumn: v })}
        />
        <Choice
          label={t('import.stats.basis')}
          value={o.basis}
          choices={[
            { value: '34', label: t('import.stats.basis34') },
            { value: '38', label: t('import.stats.basis38') },
          ]}
          onChange={(v) => set({ basis: (v ?? '34') as Basis })}
        />
      </div>
      {r.hasCodes || o.codeSystem !== null ? (
        <CodeSystemChoice
          value={o.codeSystem}
          needed={r.needsCodeSystem}
          onChange={(v) => set({ codeSystem: v })}
        />
      ) : null}
      <div className="field-row">
        <Choice
          label={t('import.stats.yearColumn')}
          value={o.yearColumn}
          choices={cols}
          empty={t('import.none')}
          onChange={(v) => set({ yearColumn: v })}
        />
        {o.yearColumn === null ? <YearInput value={o.year} onChange={(year) => set({ year })} /> : null}
      </div>
      <div className="field-row">
        <Choice
          label={t('import.stats.metricColumn')}
          value={o.metricColumn}
          choices={cols}
          empty={t('import.none')}
          onChange={(v) => set({ metricColumn: v })}
        />
        {o.metricColumn !== null ? (
          <Choice
            label={t('import.stats.valueColumn')}
            value={o.valueColumn}
            choices={cols}
            empty={t('import.notChosen')}
            onChange={(v) => set({ valueColumn: v })}
          />
        ) : null}
      </div>
      {o.metricColumn === null && valueColumns.length > 0 ? (
        <fieldset className="import-columns">
          <legend>{t('import.stats.columns')}</legend>
          {valueColumns.map((c) => (
            <Choice
              key={c}
              label={c}
              value={o.metrics[c] ?? null}
              choices={metricChoices}
              empty={t('import.ignore')}
              onChange={(v) =>
                setOptions((x) => ({
                  ...x,
                  statistics: {
                    ...x.statistics,
                    metrics: { ...o.metrics, ...x.statistics?.metrics, [c]: v as MetricId | null },
                  },
                }))
              }
            />
          ))}
        </fieldset>
      ) : null}
    </>
  );
}

function YearInput({ value, onChange }: { value: number | null; onChange: (v: number | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('import.stats.year')}</label>
      <input
        id={id}
        type="number"
        min={1900}
        max={2100}
        step={1}
        defaultValue={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      />
    </div>
  );
}

function TrainingForm({ r, setOptions }: { r: TrainingResult; setOptions: SetOptions }) {
  const { t } = useTranslation();
  const cols = r.columns.map((c) => ({ value: c, label: c }));
  const set = (patch: Partial<TrainingOptions>) =>
    setOptions((x) => ({ ...x, training: { ...x.training, ...patch } }));
  const field = (key: keyof TrainingOptions, label: string): ReactNode => (
    <Choice
      key={key}
      label={t(label)}
      value={r.options[key]}
      choices={cols}
      empty={t('import.none')}
      onChange={(v) => set({ [key]: v })}
    />
  );
  return (
    <>
      <div className="field-row">
        {field('cityColumn', 'import.training.cityColumn')}
        {field('provinceColumn', 'import.training.provinceColumn')}
      </div>
      <div className="field-row">
        {field('latColumn', 'import.training.latColumn')}
        {field('lonColumn', 'import.training.lonColumn')}
      </div>
      <div className="field-row">
        {field('dateColumn', 'import.training.dateColumn')}
        {field('participantsColumn', 'import.training.participantsColumn')}
        {field('msmeColumn', 'import.training.msmeColumn')}
      </div>
    </>
  );
}

/** The choices for the previewed file; every change re-runs the analysis. */
export function ImportOptionsForm({
  preview,
  setOptions,
}: {
  preview: ImportPreview;
  options: ImportOptions;
  setOptions: SetOptions;
}) {
  const { t } = useTranslation();
  const r = preview.result;
  return (
    <fieldset className="control-group import-options">
      <legend>{t('import.options')}</legend>
      <Choice
        label={t('import.kind')}
        value={preview.kind}
        choices={IMPORT_KINDS.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))}
        onChange={(v) => setOptions(() => ({ kind: (v ?? preview.guessedKind) as ImportKind }))}
      />
      {r?.kind === 'statistics' ? <StatisticsForm r={r} setOptions={setOptions} /> : null}
      {r?.kind === 'training' ? <TrainingForm r={r} setOptions={setOptions} /> : null}
      {r?.kind === 'boundaries' ? (
        <>
          <Choice
            label={t('import.boundaries.property')}
            value={r.options.property}
            choices={r.propertyKeys.map((k) => ({ value: k, label: k }))}
            empty={t('import.notChosen')}
            onChange={(v) => setOptions((x) => ({ ...x, boundaries: { ...x.boundaries, property: v } }))}
          />
          {r.hasCodes || r.options.codeSystem !== null ? (
            <CodeSystemChoice
              value={r.options.codeSystem}
              needed={r.needsCodeSystem}
              onChange={(v) => setOptions((x) => ({ ...x, boundaries: { ...x.boundaries, codeSystem: v } }))}
            />
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
