"""Timed work: the reminder sweeps, run by APScheduler's AsyncIOScheduler inside `dealbot run`
(and by the shell as it goes). They call domain use cases on a clock and send nothing
themselves: what a sweep writes to the outbox, the dispatcher delivers."""
