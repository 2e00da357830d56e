const cjk = /[\u4e00-\u9fff]/;

/**
 * The server writes its messages as "中文 (English)". Each language shows its own half: the Chinese UI never shows the
 * English in brackets, the English UI shows the English (the Chinese text when a message has no English).
 */
export function localMessage(message: string | null | undefined, locale: string): string {
  const text = message ?? '';
  const m = /^([\s\S]*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(text);
  if (!m || !cjk.test(m[1]) || !/^[A-Za-z'"$]/.test(m[2].trim())) return text;
  return locale === 'en' ? capitalise(m[2].trim()) : m[1].trim();
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
