import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useSetLatestSearchParams } from '../../lib/latest-search-params.ts';
import { FLOW_LEVELS, type FlowLevel } from './charts/build-rotation-sankey-option.ts';

/** `?flow=locale`: the level of the rotation Sankey (township → township by default). */
export const FLOW_PARAM = 'flow';
export const DEFAULT_FLOW_LEVEL: FlowLevel = 'township';

export function parseFlowLevel(raw: string | null): FlowLevel {
  return (FLOW_LEVELS as readonly string[]).includes(raw ?? '') ? (raw as FlowLevel) : DEFAULT_FLOW_LEVEL;
}

/** The Sankey level in the URL (the default is left out, so one view has one URL). */
export function useFlowLevelParam(): [FlowLevel, (level: FlowLevel) => void] {
  const [searchParams] = useSearchParams();
  const setSearchParams = useSetLatestSearchParams();
  const level = parseFlowLevel(searchParams.get(FLOW_PARAM));
  const setLevel = useCallback(
    (next: FlowLevel) =>
      setSearchParams((previous) => {
        const updated = new URLSearchParams(previous);
        if (next === DEFAULT_FLOW_LEVEL) updated.delete(FLOW_PARAM);
        else updated.set(FLOW_PARAM, next);
        return updated;
      }),
    [setSearchParams],
  );
  return [level, setLevel];
}
