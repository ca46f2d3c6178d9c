import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Toast } from '~/utils/session.server'

/** The message after a write; a live region so screen readers announce it. */
export function Toaster({ toast }: { toast: Toast | null }) {
	const { t } = useTranslation()
	const [visible, setVisible] = useState<Toast | null>(toast)

	useEffect(() => {
		setVisible(toast)
		if (!toast) return
		const timer = setTimeout(() => setVisible(null), 6000)
		return () => clearTimeout(timer)
	}, [toast])

	return (
		<div className="toaster" role="status" aria-live="polite">
			{visible ? (
				<div className={`toast toast-${visible.type}`}>
					<span>{t(visible.messageKey, visible.values)}</span>
					<button
						type="button"
						className="toast-close"
						onClick={() => setVisible(null)}
						aria-label={t('common.close')}
					>
						×
					</button>
				</div>
			) : null}
		</div>
	)
}
