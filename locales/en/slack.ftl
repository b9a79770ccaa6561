## Slack front end
slack-modal-close = Cancel
slack-open-choice-new = …or type a new { $field }
home-my-deals = My open deals
home-waiting = Waiting for me
home-advice-task = Advice wanted on { $ref }: { $title }
slack-form-too-late = The form could not open in time. Please try again.

slack-sent-to-dm = Sent to your direct messages with dealbot: charts go only there, never to a channel.

slack-typeahead-placeholder = Type a few letters…
