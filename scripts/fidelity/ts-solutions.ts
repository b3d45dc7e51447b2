// Solutions written here for some of MultiPL-E's HumanEval TypeScript problems (which ship none), in
// the idioms TypeScript models use (annotations, tuples, index signatures, generics, `as`, `!`), so
// the TypeScript fidelity set has passing samples and mutants of them. Completions of the prompt:
// the function's body and its closing brace.

export const TS_SOLUTIONS: Record<string, string> = {
	HumanEval_0_has_close_elements: `  for (let i = 0; i < numbers.length; i++) {
    for (let j = i + 1; j < numbers.length; j++) {
      if (Math.abs(numbers[i] - numbers[j]) < threshold) return true;
    }
  }
  return false;
}
`,
	HumanEval_100_make_a_pile: `  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(n + 2 * i);
  return out;
}
`,
	HumanEval_101_words_string: `  return s.split(/[ ,]+/).filter((w: string) => w.length > 0);
}
`,
	HumanEval_102_choose_num: `  if (x > y) return -1;
  if (y % 2 === 0) return y;
  return x === y ? -1 : y - 1;
}
`,
	HumanEval_104_unique_digits: `  const allOdd = (v: number): boolean => String(v).split('').every((d) => Number(d) % 2 === 1);
  return x.filter(allOdd).sort((a, b) => a - b);
}
`,
	HumanEval_106_f: `  const out: number[] = [];
  for (let i = 1; i <= n; i++) {
    if (i % 2 === 0) {
      let p = 1;
      for (let j = 1; j <= i; j++) p *= j;
      out.push(p);
    } else {
      out.push((i * (i + 1)) / 2);
    }
  }
  return out;
}
`,
	HumanEval_107_even_odd_palindrome: `  let even = 0;
  let odd = 0;
  for (let i = 1; i <= n; i++) {
    const s = String(i);
    if (s === s.split('').reverse().join('')) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return [even, odd];
}
`,
	HumanEval_109_move_one_ball: `  if (arr.length === 0) return true;
  const sorted = [...arr].sort((a, b) => a - b);
  for (let k = 0; k < arr.length; k++) {
    const rotated = arr.slice(k).concat(arr.slice(0, k));
    if (rotated.every((v, i) => v === sorted[i])) return true;
  }
  return false;
}
`,
	HumanEval_111_histogram: `  const counts: { [key: string]: number } = {};
  for (const w of test.split(' ')) if (w) counts[w] = (counts[w] ?? 0) + 1;
  const most = Math.max(0, ...Object.values(counts));
  const out: { [key: string]: number } = {};
  for (const [k, v] of Object.entries(counts)) if (v === most) out[k] = v;
  return out;
}
`,
	HumanEval_112_reverse_delete: `  const kept = s
    .split('')
    .filter((ch) => !c.includes(ch))
    .join('');
  return [kept, kept === kept.split('').reverse().join('')];
}
`,
	HumanEval_114_minSubArraySum: `  let best = nums[0]!;
  let cur = 0;
  for (const x of nums) {
    cur = Math.min(x, cur + x);
    best = Math.min(best, cur);
  }
  return best;
}
`,
	HumanEval_11_string_xor: `  let out = '';
  for (let i = 0; i < a.length; i++) out += a[i] === b[i] ? '0' : '1';
  return out;
}
`,
	HumanEval_120_maximum: `  if (k === 0) return [];
  return [...arr].sort((a, b) => a - b).slice(-k);
}
`,
	HumanEval_121_solution: `  return lst.reduce((acc: number, v: number, i: number) => (i % 2 === 0 && v % 2 !== 0 ? acc + v : acc), 0);
}
`,
	HumanEval_122_add_elements: `  return arr
    .slice(0, k)
    .filter((v) => String(Math.abs(v)).length <= 2)
    .reduce((a, b) => a + b, 0);
}
`,
	HumanEval_126_is_sorted: `  const seen = new Map<number, number>();
  for (let i = 0; i < lst.length; i++) {
    seen.set(lst[i], (seen.get(lst[i]) ?? 0) + 1);
    if (seen.get(lst[i])! > 2) return false;
    if (i > 0 && lst[i - 1] > lst[i]) return false;
  }
  return true;
}
`,
	HumanEval_128_prod_signs: `  if (arr.length === 0) return undefined;
  const sign = arr.some((v) => v === 0) ? 0 : arr.filter((v) => v < 0).length % 2 === 0 ? 1 : -1;
  return sign * arr.reduce((a, v) => a + Math.abs(v), 0);
}
`,
	HumanEval_12_longest: `  if (strings.length === 0) return undefined;
  let best = strings[0];
  for (const s of strings) if (s.length > best.length) best = s;
  return best;
}
`,
	HumanEval_131_digits: `  const odd = String(n)
    .split('')
    .map(Number)
    .filter((d) => d % 2 === 1);
  return odd.length === 0 ? 0 : odd.reduce((a, b) => a * b, 1);
}
`,
	HumanEval_133_sum_squares: `  return lst.map((v) => Math.ceil(v) ** 2).reduce((a, b) => a + b, 0);
}
`,
	HumanEval_135_can_arrange: `  let at = -1;
  for (let i = 1; i < arr.length; i++) if (arr[i] < arr[i - 1]) at = i;
  return at;
}
`,
	HumanEval_136_largest_smallest_integers: `  const neg = lst.filter((v) => v < 0);
  const pos = lst.filter((v) => v > 0);
  return [neg.length ? Math.max(...neg) : undefined, pos.length ? Math.min(...pos) : undefined];
}
`,
	HumanEval_138_is_equal_to_sum_even: `  return n % 2 === 0 && n >= 8;
}
`,
	HumanEval_139_special_factorial: `  let fact = 1;
  let special = 1;
  for (let i = 1; i <= n; i++) {
    fact *= i;
    special *= fact;
  }
  return special;
}
`,
	HumanEval_13_greatest_common_divisor: `  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}
`,
	HumanEval_14_all_prefixes: `  return Array.from({ length: string.length }, (_, i) => string.slice(0, i + 1));
}
`,
	HumanEval_150_x_or_y: `  if (n < 2) return y;
  for (let i = 2; i * i <= n; i++) if (n % i === 0) return y;
  return x;
}
`,
	HumanEval_152_compare: `  return game.map((g, i) => Math.abs(g - guess[i]));
}
`,
	HumanEval_154_cycpattern_check: `  for (let i = 0; i < b.length; i++) {
    if (a.includes(b.slice(i) + b.slice(0, i))) return true;
  }
  return false;
}
`,
	HumanEval_155_even_odd_count: `  let even = 0;
  let odd = 0;
  for (const d of String(Math.abs(num))) {
    if (Number(d) % 2 === 0) even++;
    else odd++;
  }
  return [even, odd];
}
`,
};
