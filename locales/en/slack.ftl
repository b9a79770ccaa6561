## Slack front end
slack-modal-close = Cancel
slack-open-choice-new = …or type a new { $field }
slack-home-my-deals = My open deals
slack-home-waiting = Waiting for me
slack-home-advice-task = Advice wanted on { $ref }: { $title }
slack-form-too-late = The form could not open in time. Please try again.
