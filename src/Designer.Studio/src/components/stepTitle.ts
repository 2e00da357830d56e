/**
 * A step's own title, or null when it only repeats its stage's name: the server names a step the workflow gave no
 * display text by its stage (never by its activity id), and the stage is already shown beside it.
 */
export function ownTitle(title?: string | null, stageName?: string | null): string | null {
  return title && title !== stageName ? title : null;
}
