## Selling: quotes, orders, payment plans, payments, shipments (PRODUCT.md §3.2, §9) — English.
## Every other catalog has exactly these messages and placeholders.

field-quantity = Quantity
field-discount = Discount
field-valid-until = Valid until
field-first-due-date = First due date
field-installments = Installments
field-amount-received = Amount received
field-received-on = Received on
field-total = Total
field-order = Order
field-quote = Quote
field-paid = Paid
field-left = Left to pay
field-waiting = Waiting for approval
hint-quantity = A whole number, such as 3
hint-unit-price = Leave it empty for the product's own price
hint-discount = In percent, such as 10 or 12.5; leave it empty for none
hint-valid-until = As YYYY-MM-DD, for example 2026-12-31
hint-installments = A number of equal monthly installments, such as 3; or one per line as YYYY-MM-DD amount, such as 2026-12-01 400000
hint-first-due-date = The day the first installment is due, as YYYY-MM-DD; the others follow monthly
hint-received-on = The day the money came, as YYYY-MM-DD

form-quote-title = { $deal ->
    [none] New quote
   *[other] New quote for { $deal }
}
form-quote-revise-title = { $quote } rev { $number } for { $deal }
form-plan-title = Payment plan for { $ref }
form-payment-title = Payment for { $ref }
form-more-items = Add another item?
button-add-item = Add item
button-new-quote = New quote
button-submit-quote = Send for approval
button-approve-shipment = Confirm shipment

## Approvals of selling
approval-what-quote = Quote { $ref } for { $deal }
approval-what-order = Order { $ref } for { $deal }
approval-what-payment = Payment for { $ref } ({ $deal })
approval-what-shipment = Shipment of { $ref } ({ $deal })
approval-card-approved-shipment = { $what }: confirmed by { $by }
approval-told-approved-shipment = { $what } was confirmed by { $by }

## Replies
quote-made-reply = { $ref } for { $deal } ({ $amount }) is saved; your leader is asked to approve it.
quote-sent-reply = { $ref } is marked sent to the customer.
quote-accepted-reply = { $ref } is accepted by the customer. Make the order with /deal order { $quote }.
order-made-reply = Order { $ref } for { $deal } ({ $amount }) is saved; your leader is asked to approve it.
plan-set-reply = { $count ->
    [one] Payment plan for { $ref }: 1 installment
   *[other] Payment plan for { $ref }: { $count } installments
}
payment-made-reply = Payment of { $amount } for { $ref } is recorded; finance is asked to approve it.
shipment-asked-reply = The warehouse is asked to ship { $ref }.
invoiced-reply = { $ref } is marked invoiced.

## Quotes and orders shown
quote-heading = Quote { $ref } for { $deal }
quote-lines-heading = Lines:
quote-line = { $number }. { $sku } { $name }: { $quantity } × { $price }{ $discount } = { $amount }
quote-line-discount = −{ $discount }%
quote-revisions-heading = Revisions:
quote-revision-line = { $ref } · { $at } · { $by } · { $total } · { $state } · { $decided }
quote-state-pending = waiting for approval
quote-state-approved = approved
quote-state-rejected = rejected
quote-state-sent = sent to the customer
quote-state-accepted = accepted by the customer
quote-state-revised = revised
quote-state-closed = closed with its deal
decision-open = waiting for a decision
decision-closed = closed with its deal
decision-approved-by = approved by { $by }
decision-confirmed-by = confirmed by { $by }
decision-rejected-by = rejected by { $by }
decision-with-comment = { $decision }: { $comment }
order-heading = Order { $ref } for { $deal }
order-state-pending = waiting for approval
order-state-approved = approved
order-state-rejected = rejected
shipping-requested = shipment asked of the warehouse
shipping-shipped = shipped
order-invoiced = invoiced
order-paid = paid
order-plan-heading = Payment plan:
order-no-plan = No payment plan yet: /deal plan { $ref }
installment-line = { $number }. { $due } · { $amount } · { $state }
installment-paid = paid
installment-part-paid = { $left } left
installment-open = open
order-payments-heading = Payments:
payment-line = { $received } · { $amount } · { $by } · { $decided }
order-shipments-heading = Shipments:
shipment-line = { $at } · asked by { $by } · { $decided }
order-decisions = Order: { $decided }
stock-reason-shipment = shipped for { $ref }

## The deal's timeline
timeline-quote-sent = { $ref } marked sent to the customer by { $actor }
timeline-quote-accepted = { $ref } accepted by the customer, recorded by { $actor }
timeline-plan-set = { $count ->
    [one] Payment plan for { $ref } set by { $actor }: 1 installment
   *[other] Payment plan for { $ref } set by { $actor }: { $count } installments
}
timeline-order-paid = { $ref } is paid in full (the last payment approved by { $actor })
timeline-order-shipped = { $ref } shipped: the warehouse's { $actor } confirmed it
timeline-order-invoiced = { $ref } marked invoiced by { $actor }

## Errors
error-selling-not-yours = Only the owner of { $deal }, its team's leader or an admin can do that with { $ref }.
error-selling-deal-lost = { $deal } is lost, so { $ref } goes no further.
error-quote-unknown = There is no quote { $ref } that you can see.
error-order-unknown = There is no order { $ref } that you can see.
error-quote-no-lines = A quote needs at least one line.
error-quote-too-many-lines = A quote can have at most { $limit } lines.
error-quote-price-needed = { $sku } is priced in { $product_currency }: type its unit price in { $currency }.
error-quote-total-zero = A quote's total must be more than zero.
error-quote-pending = { $ref } still waits for approval.
error-quote-approved = { $ref } is approved already.
error-quote-rejected = { $ref } was rejected: make a new revision with /deal revise { $quote }.
error-quote-sent = { $ref } is already marked sent.
error-quote-accepted = { $ref } is already accepted by the customer.
error-quote-revised = { $ref } has a newer revision.
error-quote-closed = { $ref } closed with its deal.
error-order-needs-accepted = { $ref } is not accepted by the customer yet: mark it first with /deal quote-accepted { $quote }.
error-order-exists = { $quote } already has order { $ref }.
error-order-pending = { $ref } still waits for your leader's approval.
error-order-rejected = { $ref } was rejected: ask again with /deal order { $quote }.
error-order-invoiced = { $ref } is already marked invoiced.
error-order-not-shipped = { $ref } is not shipped yet: the warehouse confirms its shipment first (/deal ship { $ref }).
error-shipping-none = { $ref } cannot be shipped now.
error-shipping-requested = The warehouse is already asked to ship { $ref }.
error-shipping-shipped = { $ref } is already shipped.
error-shipment-short = The shipment of { $ref } cannot be confirmed: { $sku } has { $on_hand } on hand and the shipment needs { $needed }. No stock was moved.
error-payment-no-plan = { $ref } has no payment plan yet: make one with /deal plan { $ref }.
error-payment-too-much = Only { $left } { $currency } is left to pay on { $ref } (payments waiting for approval count too).
error-plan-after-payment = Payments are already recorded on { $ref }, so its plan stays as it is.
error-plan-sum = The installments add up to { $sum } { $currency }, but the total is { $total } { $currency }: they must be equal.
error-plan-line = Line { $line }, “{ $value }”, is not YYYY-MM-DD amount, such as 2026-12-01 400000.
error-date-future = { $value } has not come yet. Give today or an earlier date.
error-needs-quote = Say which quote, for example: /deal { $command } Q-3
error-needs-order = Say which order, for example: /deal { $command } O-4

## Help and the Telegram menu
help-quote = /deal quote D-12 — a quote with its lines (your leader approves it)
help-quote-sent = /deal quote-sent Q-3 — the approved quote went to the customer
help-quote-accepted = /deal quote-accepted Q-3 — the customer accepted the quote
help-revise = /deal revise Q-3 — a new revision when the customer asks for changes
help-order = /deal order Q-3 — an order from an accepted quote (your leader approves it)
help-plan = /deal plan O-4 — the order's payment plan
help-payment = /deal payment O-4 — a payment received (finance approves it)
help-ship = /deal ship O-4 — ask the warehouse to ship the order
help-invoiced = /deal invoiced O-4 — the shipped order is invoiced
telegram-menu-quote = A quote for a deal, e.g. /quote D-12
telegram-menu-order = An order from an accepted quote, e.g. /order Q-3
telegram-menu-plan = The payment plan of an order, e.g. /plan O-4
telegram-menu-payment = A payment received, e.g. /payment O-4
telegram-menu-ship = Ask the warehouse to ship an order, e.g. /ship O-4
