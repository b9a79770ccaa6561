## dealbot — English. Every other catalog has exactly these messages and placeholders.

language-name-in-sentence = English
language-name = English

## Form fields (PRODUCT.md §9)
field-customer = Customer
field-title = Deal title
field-industry = Industry
field-company-size = Company size
field-amount = Amount
field-currency = Currency
field-expected-close = Expected close date
field-source = Source
field-notes = Notes
field-deal = Deal
field-activity = Activity
field-status = Status
field-lost-reason = Lost reason
field-advice = Advice
field-comment = Comment
field-owner = Owner
hint-amount = A positive number, such as 12000 or 12,000.50
hint-currency = A three-letter code such as USD, EUR or JPY
hint-expected-close = As YYYY-MM-DD, for example 2026-12-31

## Forms
form-deal-new-title = New deal
form-deal-update-title = Progress report
form-advice-title = Advice on { $ref }
form-submit = Save
form-cancelled = Cancelled; nothing was saved.

## Choices
industry-manufacturing = Manufacturing
industry-retail = Retail
industry-software = IT and software
industry-finance = Finance and insurance
industry-healthcare = Healthcare
industry-construction = Construction
industry-logistics = Logistics
industry-public = Public sector
industry-education = Education
industry-other = Other
size-1-9 = 1–9 employees
size-10-49 = 10–49 employees
size-50-249 = 50–249 employees
size-250-999 = 250–999 employees
size-1000plus = 1000 or more employees
activity-visit = Visit
activity-call = Call
activity-meeting = Meeting
activity-quote = Quote submitted
activity-email = Email
activity-other = Other
status-log-only = Log only
status-negotiation = In negotiation
status-won = Won
status-lost = Lost
deal-status-open = Opened
deal-status-negotiation = In negotiation
deal-status-won = Won
deal-status-lost = Lost

## Buttons
button-give-advice = Give advice
button-approve = Approve
button-reject = Reject
button-open-report = Open report

## Errors
error-heading = Sorry —
error-generic = Something went wrong; nothing was changed.
error-not-found = That was not found.
error-not-allowed = You are not allowed to do that.
error-invalid = That is not valid.
error-conflict = That was already done.
error-required = { $field } is required.
error-too-long = { $field } can be at most { $limit } characters; this one has { $length }.
error-choice = “{ $value }” is not a choice for { $field }. Choose one of: { $choices }.
error-amount-not-number = “{ $value }” is not an amount. Type a number such as { $example }.
error-amount-not-positive = The amount must be more than zero.
error-amount-precision = { $currency } amounts can have at most { $digits } decimal places.
error-currency-unknown = “{ $currency }” is not a currency code. Type one such as USD, EUR or JPY.
error-date-format = “{ $value }” is not a date in the form YYYY-MM-DD, such as 2026-12-31.
error-date-invalid = “{ $value }” is not a real date. Check the day and the month.
error-not-on-team = You are not on a team yet. Ask an admin to add you to dealbot.toml.
error-deal-unknown = There is no deal { $ref } that you can see.
error-ref-bare-number = “{ $value }” alone names nothing: type its reference, such as { $ref } or #{ $value }.
error-cannot-open-deals = Only salespeople and leaders can open deals.
error-task-unknown = That task no longer exists.
error-advice-not-yours = Only the leader asked for advice on { $ref } can give it.
error-advice-done = Advice on { $ref } has already been given.
error-not-your-deal = Only the owner of { $ref } can report on it.
error-deal-closed = { $ref } is already closed.
error-unknown-command = “{ $command }” is not a command. Type /deal help to see them all.
error-lang-unknown = “{ $value }” is not a language dealbot speaks. Choose { $choices }.
error-filter = “{ $value }” is not a value for { $filter }. Choose one of: { $choices }.

## Configuration errors (for the operator)
config-route-audience = “{ $route }” names no audience; use one of { $allowed }.
config-route-placement = “{ $route }” names no placement; use one of { $allowed }.
config-route-mismatch = “{ $route }” does not fit; this audience takes { $allowed }.
config-route-event = “{ $event }” is not an event; use one of { $allowed }.
config-route-list = routing for { $event } must be a list of strings such as "feed:post".
config-route-lost-feed = { $event } may never go to the team feed: lost deals are for the leader only.

## Notifications
note-deal_opened-feed = New deal { $ref }: { $title }
note-deal_opened-leader = Advice wanted on { $ref }: { $title }
note-deal_opened = New deal { $ref }: { $title }
note-advice_given = Advice on { $ref } from { $actor }
note-progress_shared = Progress on { $ref }: in negotiation ({ $actor })
note-progress_logged = Progress on { $ref } ({ $actor })
note-deal_won-feed = We won it! { $ref }: { $title }
note-deal_won = { $ref } was won by { $owner }: { $title }
note-deal_lost = { $ref } was lost: { $title }
advice-task-ask = { $owner } opened this deal. Your advice goes to them and into the deal's thread.

## Deals
deal-heading = { $ref }: { $title }
deal-line = { $ref } · { $title } · { $customer } · { $amount } · { $owner } · { $status }
timeline-heading = Timeline:
timeline-opened = Opened by { $actor }
timeline-advice = Advice from { $actor }
timeline-progress = Progress report by { $actor }
timeline-won = Won, reported by { $actor }
timeline-lost = Lost, reported by { $actor }
list-mine = { $count ->
    [0] You have no open deals
    [one] Your open deal (1)
   *[other] Your open deals ({ $count })
}
list-team = { $count ->
    [0] The team has no open deals
    [one] The team's open deal (1)
   *[other] The team's open deals ({ $count })
}
list-empty = Nothing here.
search-found = { $count ->
    [0] No deals found
    [one] Found 1 deal
   *[other] Found { $count } deals
}
stats-heading = { $count ->
    [one] Statistics of 1 deal
   *[other] Statistics of { $count } deals
}
stats-total = All deals
stats-by-industry = By industry:
stats-by-size = By company size:
stats-funnel = Funnel:
stats-line = { $label }: { $count ->
    [one] 1 deal
   *[other] { $count } deals
}, { $won } won, { $lost } lost, win rate { $rate }, amount { $amount }
stats-funnel-step = { $stage }: { $count }

## Replies
deal-opened-reply = Saved { $ref }: { $title }. The team feed has it and your leader is asked for advice.
progress-reply-log_only = Logged on { $ref }'s timeline. Nobody was notified.
progress-reply-negotiation = Saved and shared with the team in { $ref }'s thread.
progress-reply-won = Congratulations! { $ref } is won; the team and your leader are told.
progress-reply-lost = { $ref } is closed as lost. Only your leader is told, with the reason.
advice-reply = Thank you. Your advice on { $ref } went to { $owner } and into the deal's thread.

## Help
help-heading = dealbot commands
help-new = /deal new — report a new deal
help-update = /deal update [D-12] — report progress on a deal
help-won = /deal won [D-12] — close a deal as won
help-lost = /deal lost [D-12] — close a deal as lost (the reason goes to your leader only)
help-show = /deal show D-12, Q-3 or O-4 — a deal and its timeline, a quote, an order
help-list = /deal list — open deals
help-search = /deal search [industry:…] [size:…] [status:…] [owner:…] [from:YYYY-MM-DD] [to:YYYY-MM-DD] [text]
help-stats = /deal stats [same filters as search] — win rate, counts, amounts and funnel, with charts in your DM
help-help = /deal help — this list
help-lang = /deal lang [en|ja|zh|ru] — the language dealbot speaks to you
help-refs = Every deal has a reference such as D-12; any command that takes a deal accepts it.
lang-current = dealbot speaks { $locale } to you. Change it with /deal lang and { $choices }.
lang-set = From now on dealbot speaks { $locale } to you.

## Shell
shell-welcome = dealbot shell — type /help for commands, /as <handle> to be someone else, /quit to leave.
shell-you-are = You are { $name } (@{ $handle }), { $team }.
shell-help = Shell: /as <handle> switches person, /who lists people, a number clicks that button, /cancel leaves a form, /back goes to the previous question, /quit leaves.
shell-unknown = “{ $text }” is not a command here. Type /help.
shell-no-such-person = Nobody has the handle “{ $handle }”. Type /who to see everyone.
shell-no-such-button = There is no button [{ $number }].
shell-optional = optional, Enter to skip
shell-choose = Type a number or a name from the list.
shell-choose-or-type = Type a number from the list, or type a new name.
shell-cancel-hint = /cancel to stop, /back to go back
shell-to-dm = DM to { $name } (@{ $handle })
shell-to-feed = team feed · { $team }
shell-to-thread = thread of { $ref } · { $team } feed
shell-to-thread-broadcast = thread of { $ref } · { $team } feed, also sent to the channel

## Pickers, review, roles and delivery notices
error-amount-too-large = The amount can be at most { $limit }.
error-date-past = { $value } is in the past. Give today or a later date.
error-task-deal-closed = { $ref } is closed, so this task is closed too.
error-choice-range = There is no number { $value } in the list; type a number from 1 to { $last }.
error-name-is-number = “{ $value }” is a number, not a name: type the { $field } itself, or pick it from the list.
error-name-only-number = “{ $value }” is only a number: type the { $field } as words, such as the company's name.
error-button-unknown = That button does not work any more.
error-owner-unknown = Nobody has the handle “{ $owner }”.
hint-deal = Pick a deal by its number in the list, or type its reference, such as D-12.
form-use-review-controls = Every answer is in. Save it, go back to change something, or cancel.
form-stale = That question was already answered.
form-no-match = Nothing matches “{ $value }”. Try other letters.
form-new-value = New: { $value }
form-pick-match = These match “{ $value }”: pick one, or type again.
shell-review = Check your answers:
shell-review-how = Type y to save, /back to change the last answer, /cancel to drop everything.
role-sales = sales
role-leader = leader
role-finance = finance
role-warehouse = warehouse
role-admin = admin
note-delivery_parked = A message to { $place } on { $platform } could not be delivered; it waits for you.
note-delivery_parked-what = The last error was: { $error }. Send it again with: dealbot outbox retry { $delivery }
note-lane_parked = { $platform } refuses messages to { $place }: nothing more goes there until this is fixed.
note-lane_parked-what = The error was: { $error }. Fix it (for example, add the bot again), then run: dealbot outbox retry { $delivery }
note-person_unreachable-what = Everything waiting for them is delivered as soon as they press Start.
note-chat_moved = The { $place } chat on { $platform } moved to a new id ({ $old } → { $new }); the bot follows it.
note-chat_moved-what = Put the new id { $new } in dealbot.toml, so that the next start uses it too.

## Cards that change
card-task-done = Advice on { $ref } given: { $title }
card-task-done-by = { $actor } gave the advice.
card-task-closed = { $ref } is closed: { $title }
card-task-closed-why = { $ref } was closed ({ $status }) before this task was done, so it is closed too.
shell-card-changed = card changed · { $where }

## Charts (PRODUCT.md §2.5): they go only to the person who asked, in their direct messages
help-chart = /deal chart funnel|industry|size [same filters as search] — one chart, with its numbers
chart-funnel = { $count ->
    [one] Funnel of 1 deal
   *[other] Funnel of { $count } deals
}
chart-win-rate-industry = Win rate by industry
chart-win-rate-size = Win rate by company size
chart-axis-deals = Deals
chart-axis-win-rate = Win rate = won ÷ (won + lost)
chart-nothing-to-draw = No chart: none of these deals is closed yet, or no deal matches.
error-chart-which = Which chart? Type /deal chart followed by { $choices }.
error-chart-unknown = “{ $value }” is not a chart. Type /deal chart followed by { $choices }.
shell-chart-file = Chart “{ $title }” saved as { $path }
shell-chart-not-drawn = Chart “{ $title }” could not be drawn (the log says why); its numbers are above.

## Approvals
field-requested-by = Requested by
approval-card = { $what } waits for your decision
approval-card-approved = { $what }: approved by { $by }
approval-card-rejected = { $what }: rejected by { $by }
approval-card-closed = { $what }: no decision needed any more, the deal is { $status }
approval-comment = Comment: { $comment }
approval-told-approved = { $what } was approved by { $by }
approval-told-rejected = { $what } was rejected by { $by }
approvals-none = Nothing waits for your decision.
approvals-heading = { $count ->
    [one] 1 request waits for your decision
   *[other] { $count } requests wait for your decision
}
approval-done-approved = Approved: { $what }. The requester is told.
approval-done-rejected = Rejected: { $what }. The requester is told why.
help-approvals = /deal approvals — what waits for your decision
home-approvals = Approvals waiting for me
form-approval-reject-title = Reject { $what }
timeline-approval-requested = { $approval_kind ->
    [quote] Quote { $ref } sent for approval by { $actor }
    [order] Order { $ref } sent for approval by { $actor }
    [payment] Payment for { $ref } recorded by { $actor }, for finance to approve
    [shipment] Shipment of { $ref } asked of the warehouse by { $actor }
   *[other] { $ref } sent for approval by { $actor }
}
timeline-approval-approved = { $approval_kind ->
    [quote] Quote { $ref } approved by { $actor }
    [order] Order { $ref } approved by { $actor }
    [payment] Payment for { $ref } approved by { $actor }
    [shipment] Shipment of { $ref } confirmed by { $actor }
   *[other] { $ref } approved by { $actor }
}
timeline-approval-rejected = { $approval_kind ->
    [quote] Quote { $ref } rejected by { $actor }: { $comment }
    [order] Order { $ref } rejected by { $actor }: { $comment }
    [payment] Payment for { $ref } rejected by { $actor }: { $comment }
    [shipment] Shipment of { $ref } rejected by { $actor }: { $comment }
   *[other] { $ref } rejected by { $actor }: { $comment }
}
error-approval-unknown = That approval request does not exist.
error-approval-own = { $kind ->
    [payment] Nobody decides their own request: the payment for { $ref } goes to someone else.
    [shipment] Nobody decides their own request: the shipment of { $ref } goes to someone else.
   *[other] Nobody decides their own request: { $ref } goes to someone else.
}
error-approval-not-yours = { $kind ->
    [payment] You may not decide the payment for { $ref }.
    [shipment] You may not confirm the shipment of { $ref }.
   *[other] You may not decide { $ref }.
}
error-approval-closed = { $ref } needs no decision any more: its deal is closed.
error-approval-already-approved = { $kind ->
    [payment] The payment for { $ref } was already approved by { $by }.
    [shipment] The shipment of { $ref } was already confirmed by { $by }.
   *[other] { $ref } was already approved by { $by }.
}
error-approval-already-rejected = { $kind ->
    [payment] The payment for { $ref } was already rejected by { $by }.
    [shipment] The shipment of { $ref } was already rejected by { $by }.
   *[other] { $ref } was already rejected by { $by }.
}

## Forms with repeated rows, counts and percentages
form-row-label = Item { $row } · { $label }
answer-yes = Yes
answer-no = No
error-count-not-number = “{ $value }” is not a whole number such as 3.
error-count-range = The number must be from 1 to { $limit }.
error-percent = “{ $value }” is not a percentage from 0 to 100, such as 10 or 12.5.
error-show-unknown = Say what to show, for example: /deal show D-12, /deal show Q-3 or /deal show O-4
