/**
 * `attachment` with an ASCII fallback name and the real (Chinese) name in RFC 5987 `filename*`, which Excel, Edge and
 * Chrome on Chinese Windows all honour.
 */
export function encodeContentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
