import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseScenesFile, scenesToFile } from '../state/scenes/file';
import { SCENE_NAME_MAX, SCENE_NOTES_MAX, type Scene } from '../state/scenes/scene';
import { store, useStore } from '../state/store';
import { downloadText } from './download';
import { localDay } from '../i18n/format';
import { Panel } from './Panel';
import { sceneProblemText } from './scene-problem';

type Status =
  | { type: 'none' }
  | { type: 'info'; text: string }
  | { type: 'deleted'; text: string; scene: Scene; index: number }
  | { type: 'error'; text: string; problems: readonly string[] };

function SceneEditor({ scene, onDone }: { scene: Scene; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(scene.name);
  const [notes, setNotes] = useState(scene.notes);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    store.getState().editScene(scene.id, { name: name.trim(), notes: notes.trim() });
    onDone();
  };
  return (
    <form className="scene-form" onSubmit={submit}>
      <label className="field">
        <span>{t('briefing.sceneName')}</span>
        <input
          type="text"
          required
          maxLength={SCENE_NAME_MAX}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('briefing.sceneNotes')}</span>
        <textarea
          rows={3}
          maxLength={SCENE_NOTES_MAX}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
      <div className="button-row">
        <button type="submit" className="primary">
          {t('briefing.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('briefing.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Save the view as a scene; list, show, edit, reorder, delete; export and import. */
export function ScenesPanel() {
  const { t } = useTranslation();
  const scenes = useStore((s) => s.scenes);
  const ready = useStore((s) => s.scenesReady);
  const current = useStore((s) => s.sceneIndex);
  const storage = useStore((s) => s.scenesStorage);
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ type: 'none' });
  const fileRef = useRef<HTMLInputElement>(null);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const scene = store
      .getState()
      .saveScene(name.trim() || t('briefing.defaultName', { n: scenes.length + 1 }), notes);
    setName('');
    setNotes('');
    setStatus({
      type: 'info',
      text: t(storage === 'none' ? 'briefing.savedForVisit' : 'briefing.saved', { name: scene.name }),
    });
  };

  const exportScenes = () => {
    const stamp = new Date();
    downloadText(scenesToFile(scenes, stamp), `jangkau-scenes-${localDay(stamp)}.json`, 'application/json');
  };

  const importFile = async (file: File) => {
    const result = parseScenesFile(await file.text());
    if (!result.ok) {
      setStatus({
        type: 'error',
        text: t('briefing.importFailed'),
        problems: result.problems.map((p) => sceneProblemText(t, p)),
      });
      return;
    }
    store.getState().importScenes(result.scenes);
    setStatus({ type: 'info', text: t('briefing.imported', { count: result.scenes.length }) });
  };

  return (
    <Panel title={t('briefing.scenesTitle')}>
      {storage === 'none' ? (
        <div className="scene-status error" role="alert">
          <p>{t('briefing.noStorage')}</p>
          <button type="button" disabled={scenes.length === 0} onClick={exportScenes}>
            {t('briefing.downloadScenes')}
          </button>
        </div>
      ) : null}
      <form className="scene-form" onSubmit={save}>
        <label className="field">
          <span>{t('briefing.sceneName')}</span>
          <input
            type="text"
            maxLength={SCENE_NAME_MAX}
            placeholder={t('briefing.defaultName', { n: scenes.length + 1 })}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('briefing.sceneNotes')}</span>
          <textarea
            rows={2}
            maxLength={SCENE_NOTES_MAX}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={!ready}>
          {t('briefing.saveScene')}
        </button>
      </form>
      <p role="status" className={status.type === 'error' ? 'scene-status error' : 'scene-status'}>
        {status.type === 'none' ? '' : status.text}
        {status.type === 'deleted' ? (
          <>
            {' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                store.getState().restoreScene(status.scene, status.index);
                setStatus({ type: 'none' });
              }}
            >
              {t('briefing.undo')}
            </button>
          </>
        ) : null}
      </p>
      {status.type === 'error' ? (
        <ul className="scene-problems">
          {status.problems.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
      ) : null}
      <h3 id="scene-list-heading">{t('briefing.list')}</h3>
      {!ready ? (
        <p className="hint">{t('briefing.loading')}</p>
      ) : scenes.length === 0 ? (
        <p className="hint">{t('briefing.empty')}</p>
      ) : (
        <ol className="scene-list" aria-labelledby="scene-list-heading">
          {scenes.map((scene, i) => (
            <li
              key={scene.id}
              className={i === current ? 'scene-item current' : 'scene-item'}
              aria-current={i === current ? 'true' : undefined}
            >
              {editing === scene.id ? (
                <SceneEditor scene={scene} onDone={() => setEditing(null)} />
              ) : (
                <>
                  <div className="scene-head">
                    <strong>{scene.name}</strong>
                    <span className="muted small">
                      {t('briefing.sceneSummary', {
                        metric: t(`metric.${scene.state.metric}`),
                        year: scene.state.year ?? t('briefing.latestYear'),
                        hubs: scene.state.hubs.length,
                      })}
                    </span>
                    {scene.notes ? (
                      <span className="muted small scene-notes-preview">{scene.notes}</span>
                    ) : null}
                  </div>
                  <div className="button-row">
                    <button
                      type="button"
                      aria-label={t('briefing.showScene', { name: scene.name })}
                      onClick={() => store.getState().showScene(i)}
                    >
                      {t('briefing.show')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('briefing.editScene', { name: scene.name })}
                      onClick={() => setEditing(scene.id)}
                    >
                      {t('briefing.edit')}
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('briefing.moveUp', { name: scene.name })}
                      disabled={i === 0}
                      onClick={() => store.getState().moveScene(scene.id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('briefing.moveDown', { name: scene.name })}
                      disabled={i === scenes.length - 1}
                      onClick={() => store.getState().moveScene(scene.id, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      aria-label={t('briefing.deleteScene', { name: scene.name })}
                      onClick={() => {
                        store.getState().deleteScene(scene.id);
                        setStatus({
                          type: 'deleted',
                          text: t('briefing.deleted', { name: scene.name }),
                          scene,
                          index: i,
                        });
                      }}
                    >
                      {t('briefing.delete')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="button-row scene-files">
        <button type="button" disabled={scenes.length === 0} onClick={exportScenes}>
          {t('briefing.exportScenes')}
        </button>
        <button type="button" disabled={!ready} onClick={() => fileRef.current?.click()}>
          {t('briefing.importScenes')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('briefing.importScenes')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
    </Panel>
  );
}
