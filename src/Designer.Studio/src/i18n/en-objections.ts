/** English for the objections a publicity recorded, as the office that checks them reads them on the timeline. */
export const enObjections: Record<string, string> = {
  '公示期间的异议': 'Objections during the publicity',
  '{date} {name}（{contact}）': '{date} {name} ({contact})',
  '异议事由': 'Grounds',
};
