// Hands a file the app made to the browser as a download.
export function saveFile(
	name: string,
	data: string | Uint8Array<ArrayBuffer>,
	type = 'application/json',
): void {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(new Blob([data], { type }));
	a.download = name;
	a.click();
	URL.revokeObjectURL(a.href);
}
