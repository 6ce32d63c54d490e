import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { matchesSearch } from '../lib/text-search.ts';

export interface MultiSelectOption {
  value: string;
  label: string;
  /** Small grey text after the label (a code, a count). */
  hint?: string;
}

export interface MultiSelectProps {
  label: string;
  options: readonly MultiSelectOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  /** Show a search box (townships: a county has a dozen or more). */
  searchable?: boolean;
  /** Button text when nothing is selected (= no filter). */
  allLabel: string;
  disabled?: boolean;
}

/**
 * A filter drop-down with check boxes. Choices are drafted inside the pop-up and applied together ("确定" or a click
 * outside), so ticking five townships makes one URL change and one request, not five; Escape discards the draft.
 */
export function MultiSelect({
  label,
  options,
  selected,
  onChange,
  searchable = false,
  allLabel,
  disabled,
}: MultiSelectProps) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<string[]>([...selected]);
  const [search, setSearch] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const visible = useMemo(
    () => options.filter((option) => matchesSearch({ code: option.value, name: option.label }, search)),
    [options, search],
  );

  const openPopup = () => {
    setDraft([...selected]);
    setSearch('');
    setOpen(true);
  };

  /** Applies the draft; `returnFocus` when the pop-up's own control did it, so the focus is not dropped on the page. */
  const apply = (next: readonly string[], returnFocus = false) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
    const sorted = [...next].sort();
    const current = [...selected].sort();
    if (sorted.join(',') !== current.join(',')) onChange(sorted);
  };

  // Keep the latest apply for the document listeners bound once per opening.
  const applyRef = useRef(apply);
  applyRef.current = apply;

  useEffect(() => {
    if (!open) return;
    searchRef.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) applyRef.current(draftRef.current);
    };
    // Escape discards the draft and gives the focus back to the button.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const toggle = (value: string) =>
    setDraft((previous) => (previous.includes(value) ? previous.filter((v) => v !== value) : [...previous, value]));

  const labelOf = (value: string) => options.find((option) => option.value === value)?.label ?? value;
  const summary =
    selected.length === 0
      ? allLabel
      : selected.length === 1
        ? labelOf(selected[0] ?? '')
        : t('filters.selectedCount', { count: selected.length });

  return (
    <div className="multi-select" ref={rootRef}>
      <span className="filter-label" id={`${id}-label`}>
        {label}
      </span>
      <button
        ref={buttonRef}
        type="button"
        className={selected.length ? 'filter-button active' : 'filter-button'}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={`${id}-popup`}
        aria-labelledby={`${id}-label ${id}-value`}
        disabled={disabled}
        onClick={() => (open ? apply(draft) : openPopup())}
      >
        <span id={`${id}-value`} className="filter-button-text">
          {summary}
        </span>
        <span aria-hidden="true" className="filter-caret">
          ▾
        </span>
      </button>
      {open ? (
        <div className="multi-select-popup" id={`${id}-popup`} role="dialog" aria-labelledby={`${id}-label`}>
          {searchable ? (
            <input
              ref={searchRef}
              type="search"
              className="multi-select-search"
              placeholder={t('filters.search')}
              aria-label={t('filters.searchIn', { label })}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          ) : null}
          <div className="multi-select-bulk">
            <button
              type="button"
              className="link-button"
              onClick={() => setDraft((previous) => [...new Set([...previous, ...visible.map((o) => o.value)])])}
            >
              {search ? t('filters.selectMatching') : t('filters.selectAll')}
            </button>
            <button type="button" className="link-button" onClick={() => setDraft([])}>
              {t('filters.clearSelection')}
            </button>
          </div>
          <fieldset className="multi-select-options">
            <legend className="visually-hidden">{label}</legend>
            {visible.length === 0 ? <p className="muted small">{t('filters.noMatch')}</p> : null}
            {visible.map((option) => (
              <label key={option.value} className="multi-select-option">
                <input type="checkbox" checked={draft.includes(option.value)} onChange={() => toggle(option.value)} />
                <span>{option.label}</span>
                {option.hint ? <span className="muted small">{option.hint}</span> : null}
              </label>
            ))}
          </fieldset>
          <div className="multi-select-actions">
            <button type="button" className="button button-small" onClick={() => apply(draft, true)}>
              {t('filters.apply')}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setOpen(false);
                buttonRef.current?.focus();
              }}
            >
              {t('filters.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
