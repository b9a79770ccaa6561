## Reminders (PRODUCT.md §5) — English. Every other catalog has exactly these messages.

help-mute = /deal mute payments|stock|key_dates|contracts|stagnation|digest — silence a kind of reminder
help-unmute = /deal unmute <kind> — get a kind of reminder again
help-reminders = /deal reminders — reminders sent, late and missed in the last 7 days (admins)
telegram-menu-mute = Silence a kind of reminder
telegram-menu-unmute = Get a kind of reminder again
telegram-menu-reminders = Reminders of the last 7 days (admins)

reminder-topic-payments = payments
reminder-topic-stock = stock
reminder-topic-key-dates = key dates
reminder-topic-contracts = contracts
reminder-topic-stagnation = stagnant deals
reminder-topic-digest = the weekly digest
mute-done = Muted: you get no more reminders about { $topic }.
unmute-done = Unmuted: you get reminders about { $topic } again.
mute-list = Muted: { $topics }.
mute-none = You get every kind of reminder.
mute-usage = Kinds: { $choices }. /deal mute <kind>, /deal unmute <kind>
error-reminder-topic = “{ $value }” is not a kind of reminder. Use one of: { $choices }.
error-reminders-admins = Only admins can see which reminders went out.
error-stagnant-not-yours = Only the owner of { $ref } or the team's leader can do that.

reminder-late = Late: this was due on { $due }.
reminder-item-late = { $text } (late: due { $due })
reminder-more = …and { $count } more.
reminder-no-owner = no owner
reminder-contact-unnamed = the contact
reminder-heading-payments = { $count ->
    [one] 1 payment reminder
   *[other] { $count } payment reminders
}
reminder-heading-stock = { $count ->
    [one] 1 product outside its stock limits
   *[other] { $count } products outside their stock limits
}
reminder-heading-key-dates = { $count ->
    [one] 1 key date
   *[other] { $count } key dates
}
reminder-heading-contracts = { $count ->
    [one] 1 contract ending
   *[other] { $count } contracts ending
}

reminder-installment-soon = Installment { $number } of { $order } ({ $deal }, { $customer }): { $amount } due in { $days ->
    [one] 1 day
   *[other] { $days } days
}, on { $date }
reminder-installment-today = Installment { $number } of { $order } ({ $deal }, { $customer }): { $amount } due today
reminder-installment-overdue = Installment { $number } of { $order } ({ $deal }, { $customer }): { $amount } overdue by { $days ->
    [one] 1 day
   *[other] { $days } days
} (due { $date })
reminder-installment-escalation = Overdue for { $days } days: installment { $number } of { $order } ({ $deal }, { $customer }), { $amount } left, due { $date }; owner: { $owner }

reminder-founded-soon = In { $days ->
    [one] 1 day
   *[other] { $days } days
}, on { $date }: { $years ->
    [one] 1 year
   *[other] { $years } years
} since { $customer } ({ $ref }) was founded
reminder-founded-today = Today: { $years ->
    [one] 1 year
   *[other] { $years } years
} since { $customer } ({ $ref }) was founded
reminder-founded-past = On { $date }: { $years ->
    [one] 1 year
   *[other] { $years } years
} since { $customer } ({ $ref }) was founded
reminder-first-contract-soon = In { $days ->
    [one] 1 day
   *[other] { $days } days
}, on { $date }: { $years ->
    [one] 1 year
   *[other] { $years } years
} since the first contract with { $customer } ({ $ref })
reminder-first-contract-today = Today: { $years ->
    [one] 1 year
   *[other] { $years } years
} since the first contract with { $customer } ({ $ref })
reminder-first-contract-past = On { $date }: { $years ->
    [one] 1 year
   *[other] { $years } years
} since the first contract with { $customer } ({ $ref })
reminder-birthday-soon = In { $days ->
    [one] 1 day
   *[other] { $days } days
}, on { $date }: the birthday of { $contact } ({ $customer }, { $ref })
reminder-birthday-today = Today: the birthday of { $contact } ({ $customer }, { $ref })
reminder-birthday-past = On { $date }: the birthday of { $contact } ({ $customer }, { $ref })

reminder-contract-end = Contract “{ $title }” with { $customer } ({ $ref }) ends { $days ->
    [0] today
    [one] tomorrow
   *[other] in { $days } days
}, on { $date }: renew it, or offer new products.

reminder-stock-low = { $sku } ({ $name }) is below its minimum: { $on_hand } on hand, minimum { $limit }
reminder-stock-high = { $sku } ({ $name }) is above its maximum: { $on_hand } on hand, maximum { $limit }

reminder-stagnation = { $ref } { $title } ({ $customer }) has had no progress for { $days } days
reminder-stagnation-ask = Log what happened, snooze it for 3 days, or mark it lost.
reminder-stagnation-snoozed = { $ref } { $title }: snoozed until { $date } by { $by }
reminder-stagnation-closed = { $ref } { $title } is closed: { $status }
button-log-progress = Log progress
button-snooze = Snooze 3 days
button-mark-lost = Mark lost
stagnant-snoozed-reply = { $ref } is snoozed until { $date }: no stagnation reminder before then.

reminder-digest = Weekly digest of { $team }: { $first } – { $last }
digest-pipeline = Pipeline by stage:
digest-stage = { $stage }: { $count ->
    [one] 1 deal
   *[other] { $count } deals
} · { $amounts }
digest-won = Won this week: { $count } · { $amounts }
digest-lost = Lost this week: { $count } · { $amounts }
digest-deal-line = · { $ref } { $title }
digest-stagnant = Stagnant deals: { $count }
digest-stagnant-line = · { $ref } { $title } · { $owner } · no progress since { $date }
digest-overdue = Overdue payments: { $count } · { $amounts }
digest-overdue-line = · { $order } #{ $number } ({ $deal }) · { $amount } · due { $date }
digest-chart-title = Open deals by stage, and the deals closed this week

reminders-report = Reminders of the last 7 days: { $sent } sent, { $late } late, { $missed } missed
reminders-report-kind = { $kind }: { $sent } sent, { $late } late, { $missed } missed
reminders-report-line = { $state } · { $date } · { $kind } · { $label } → { $member } ({ $team })
reminders-report-none = No reminder was due in the last 7 days.
reminder-state-sent = sent
reminder-state-late = late
reminder-state-missed = missed
reminder-kind-installment = Installments
reminder-kind-installment-escalation = Overdue installments (finance and leader)
reminder-kind-stock-low = Stock below minimum
reminder-kind-stock-high = Stock above maximum
reminder-kind-founded = Founding anniversaries
reminder-kind-first-contract = First-contract anniversaries
reminder-kind-birthday = Birthdays
reminder-kind-contract-end = Contracts ending
reminder-kind-stagnation = Stagnant deals
reminder-kind-digest = Weekly digests
