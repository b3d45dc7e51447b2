export { passAtK } from './pass-at-k';
export { bootstrapMeanCI, CI_METHOD } from './bootstrap';
export {
	baseVerdict,
	needsText,
	score,
	DEFAULT_KS,
	type Score,
	type ProblemScore,
	type Verdict,
} from './aggregate';
