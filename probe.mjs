import { loadPyodide } from 'pyodide';
const py = await loadPyodide();
let deadline = 0,
	reads = 0;
const buf = {
	get 0() {
		reads++;
		return performance.now() > deadline ? 2 : 0;
	},
	set 0(v) {},
};
py.setInterruptBuffer(buf);
for (const code of [
	'while True: pass',
	'x=0\nfor i in range(10**9): x+=i',
	'import re\nre.match("(a*)*b", "a"*40)',
	'sorted(range(10**8))',
]) {
	deadline = performance.now() + 1000;
	reads = 0;
	const t = performance.now();
	try {
		py.runPython(code);
		console.log('finished');
	} catch (e) {
		console.log(String(e).split('\n').slice(-2).join(' | '));
	}
	console.log('elapsed', (performance.now() - t).toFixed(0), 'reads', reads);
}
// cost of the check on a normal workload
deadline = Infinity;
reads = 0;
let t = performance.now();
py.runPython('s=0\nfor i in range(3_000_000): s+=i');
console.log('3M loop with buffer', (performance.now() - t).toFixed(0), 'reads', reads);
py.setInterruptBuffer(undefined);
t = performance.now();
py.runPython('s=0\nfor i in range(3_000_000): s+=i');
console.log('3M loop without', (performance.now() - t).toFixed(0));
