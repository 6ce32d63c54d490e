import { type DragEvent, useId, useRef, useState } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatBytes } from '../../../lib/format.ts';
import { useImportFilesMutation } from '../api/import-files.ts';
import { ImportReportView } from './import-report-view.tsx';
import { MappingStep } from './mapping-step.tsx';

const ACCEPT =
  '.csv,.xlsx,.zip,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/zip';
/** Files a chosen folder may give: the rest (notes, pictures, Excel's ~$ lock files) are left out. */
const IMPORTABLE = /\.(?:csv|xlsx|zip)$/i;
/** File names listed under the drop zone; a county's 300 school workbooks are summarised after these. */
const LISTED_FILES = 12;

function ImportFailure({ error }: { error: unknown }) {
  const t = useT();
  if (isApiError(error) && (error.status === 413 || error.code === 'PayloadTooLarge')) {
    return (
      <div className="banner banner-error" role="alert">
        <p>{t('data.error.tooLarge')}</p>
        <p className="small">{error.message}</p>
      </div>
    );
  }
  const message = isApiError(error)
    ? error.code === 'NetworkError'
      ? t('common.networkError')
      : `${error.message} (${error.code}${error.status ? `, HTTP ${error.status}` : ''})`
    : String(error);
  return (
    <p className="banner banner-error" role="alert">
      {t('data.error.generic', { message })}
    </p>
  );
}

/** Choose files, check them (dry run) or import them, and read the report. */
export function ImportPanel() {
  const t = useT();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const folderId = useId();
  const folderRef = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const mutation = useImportFilesMutation();
  const running = mutation.isPending ? mutation.variables?.dryRun : undefined;
  // The column-mapping step (issue #13): a file of the upload whose headers were not recognised.
  const [mappingFile, setMappingFile] = useState<File | null>(null);
  const unrecognised = mutation.isSuccess
    ? mutation.data.files
        .filter((f) => f.kind === null)
        .map((f) => files.find((file) => file.name === f.file))
        .filter((f): f is File => f !== undefined)
    : [];

  const choose = (list: FileList | null, fromFolder = false) => {
    const chosen = list ? Array.from(list) : [];
    setFiles(fromFolder ? chosen.filter((f) => IMPORTABLE.test(f.name) && !f.name.startsWith('~$')) : chosen);
    setMappingFile(null);
    mutation.reset();
  };
  const clear = () => {
    if (inputRef.current) inputRef.current.value = '';
    if (folderRef.current) folderRef.current.value = '';
    choose(null);
  };
  const submit = (dryRun: boolean) => {
    if (files.length > 0) mutation.mutate({ files, dryRun });
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length > 0) choose(event.dataTransfer.files);
  };

  return (
    <>
      <section className="card" aria-labelledby="upload-title">
        <h2 id="upload-title" className="card-title">
          {t('data.upload.title')}
        </h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit(false);
          }}
        >
          {/* biome-ignore lint/a11y/noStaticElementInteractions: drop target only; the file input inside is the accessible control */}
          <div
            className={dragging ? 'dropzone dragging' : 'dropzone'}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <input
              ref={inputRef}
              id={inputId}
              className="file-input visually-hidden"
              name="files"
              type="file"
              multiple
              accept={ACCEPT}
              onChange={(event) => choose(event.target.files)}
            />
            {/* The native button's text follows the browser's language; this label reads the same in both. */}
            <label htmlFor={inputId} className="button button-secondary file-button">
              {t('data.upload.choose')}
            </label>
            {/* A folder of school workbooks (issue #13): every .csv, .xlsx and .zip in it and its subfolders. */}
            <input
              ref={folderRef}
              id={folderId}
              className="file-input visually-hidden"
              type="file"
              multiple
              {...{ webkitdirectory: '' }}
              onChange={(event) => choose(event.target.files, true)}
            />
            <label htmlFor={folderId} className="button button-secondary file-button">
              {t('data.upload.chooseFolder')}
            </label>
            <span className="muted small file-hint">{t('data.upload.chooseHint')}</span>
            <p className="muted small" aria-live="polite">
              {files.length ? t('data.upload.selected', { count: files.length }) : t('data.upload.noneSelected')}
            </p>
            {files.length ? (
              <ul className="file-list">
                {files.slice(0, LISTED_FILES).map((file) => (
                  <li key={`${file.webkitRelativePath || file.name}:${file.size}:${file.lastModified}`}>
                    <span className="cell-file">{file.webkitRelativePath || file.name}</span>{' '}
                    <span className="muted small">{formatBytes(file.size)}</span>
                  </li>
                ))}
                {files.length > LISTED_FILES ? (
                  <li className="muted small">
                    {t('data.upload.moreFiles', {
                      count: files.length - LISTED_FILES,
                      size: formatBytes(files.reduce((sum, f) => sum + f.size, 0)),
                    })}
                  </li>
                ) : null}
              </ul>
            ) : null}
          </div>
          <div className="actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={files.length === 0 || mutation.isPending}
              onClick={() => submit(true)}
            >
              {running === true ? t('data.upload.checking') : t('data.upload.dryRun')}
            </button>
            <button type="submit" className="button" disabled={files.length === 0 || mutation.isPending}>
              {running === false ? t('data.upload.importing') : t('data.upload.import')}
            </button>
            <button
              type="button"
              className="button button-plain"
              disabled={files.length === 0 || mutation.isPending}
              onClick={clear}
            >
              {t('data.upload.clear')}
            </button>
            <span className="muted small">{t('data.upload.dryRunHint')}</span>
          </div>
        </form>
        {mutation.isError ? <ImportFailure error={mutation.error} /> : null}
      </section>
      {unrecognised.length > 0 && mappingFile === null ? (
        <section className="card banner-info mapping-offer" aria-labelledby="mapping-offer-title">
          <h2 id="mapping-offer-title" className="card-title">
            {t('mapping.unrecognised.title')}
          </h2>
          <p>{t('mapping.unrecognised.body')}</p>
          <div className="actions">
            {unrecognised.map((file) => (
              <button key={file.name} type="button" className="button" onClick={() => setMappingFile(file)}>
                {t('mapping.unrecognised.open', { file: file.name })}
              </button>
            ))}
          </div>
        </section>
      ) : null}
      {mappingFile ? (
        <MappingStep
          file={mappingFile}
          files={files}
          onClose={() => setMappingFile(null)}
          onImport={() => {
            setMappingFile(null);
            mutation.mutate({ files, dryRun: false });
          }}
        />
      ) : null}
      {mutation.isSuccess ? <ImportReportView report={mutation.data} /> : null}
    </>
  );
}
