/** Tags, languages, expertise: a list, or comma-separated text as the database keeps it. */
export function TagList({ tags, label }: { tags: string | readonly string[]; label?: string }) {
	const items = typeof tags === 'string' ? tags.split(',').filter(Boolean) : tags
	if (!items.length) return <span className="muted">—</span>
	return (
		<ul className="tag-list" aria-label={label}>
			{items.map((tag) => (
				<li key={tag} className="tag">
					{tag}
				</li>
			))}
		</ul>
	)
}
