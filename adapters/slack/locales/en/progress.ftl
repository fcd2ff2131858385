# The broadcast progress message: pace, time left, final summary (notices/progress-view.ts).
progress-rate = { $rate } messages/s
progress-rate-minute = { $rate } messages/min
progress-rate-unknown = Pace: being measured
progress-eta = about { $eta } left
progress-eta-counting = time left known once every message is prepared
progress-stalled = ⏸ No message went out over the last minute: sending is waiting (Telegram’s limits, or the bot is not running).
progress-took = Took { $duration }.
progress-average = Average { $rate }.
progress-reasons-title = Failures by reason
progress-reason = • { $reason }: { $count }
progress-reason-others = • other reasons: { $count }
progress-reasons-unknown = The reasons of the failures could not be read.
