/** A field's one-line help in plain words, under its label; named by the field's description. */
export function FieldHelp({
  id,
  help,
}: {
  readonly id: string
  readonly help: string | undefined
}) {
  if (!help) return null
  return (
    <small id={id} className="muted field-help">
      {help}
    </small>
  )
}

/** The ids that describe a field: its help, then its problems, those it has. */
export function describedBy(
  id: string,
  help: string | undefined,
  problems: readonly unknown[],
): string | undefined {
  const ids = [help ? `${id}-help` : '', problems.length > 0 ? `${id}-problems` : '']
  return ids.filter(Boolean).join(' ') || undefined
}
