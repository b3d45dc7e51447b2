// A panel's button work (verify, time, check limits, ask a judge, run on extra inputs): busy while
// it runs, so the button is disabled and progress shown; its error kept for the panel to show.
import { messageOf } from '../core/errors';

export class Task {
	busy = $state(false);
	error = $state<string | undefined>();

	async run(work: () => Promise<void>): Promise<void> {
		this.busy = true;
		this.error = undefined;
		try {
			await work();
		} catch (e) {
			this.error = messageOf(e);
		} finally {
			this.busy = false;
		}
	}
}
