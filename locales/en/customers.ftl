## Customers (PRODUCT.md §3.1) — English. Every other catalog has exactly these messages.

field-name = Full name
field-contact-name = Contact person
field-contact-position = Contact's position
field-legal-address = Legal address
field-contact-address = Contact address
field-channel = Channel for proposals
field-channel-address = Address on that channel
field-founded = Company founded
field-first-contract = First contract
field-contact-birthday = Contact's birthday
field-contract-title = Contract
field-contract-start = Contract start
field-contract-end = Contract end
hint-founded = As YYYY-MM-DD, for example 1998-04-01
hint-first-contract = As YYYY-MM-DD, for example 2024-10-01
hint-contact-birthday = As YYYY-MM-DD, for example 1980-07-15
hint-contract-start = As YYYY-MM-DD, for example 2026-01-01
hint-contract-end = As YYYY-MM-DD, for example 2027-12-31
hint-customer = Type a few letters of the name, the contact or the address, or a reference such as C-7.
channel-email = Email
channel-phone = Phone
channel-post = Post
channel-messenger = Messenger
channel-visit = Visit
form-customer-new-title = New customer
form-customer-edit-title = Edit { $ref }
form-customer-contract-title = New contract
form-typeahead = Type a few letters to see the matches.

customer-heading = { $ref }: { $name }
customer-contracts = { $count ->
    [0] No contracts
    [one] Contract (1):
   *[other] Contracts ({ $count }):
}
customer-contract-line = { $title }: { $start } – { $end }
customer-deals = { $count ->
    [0] No deals
    [one] Deal (1):
   *[other] Deals ({ $count }):
}
customer-deal-line = { $ref } · { $title } · { $status }
customer-search-found = { $count ->
    [0] No customers match “{ $query }”
    [one] 1 customer matches “{ $query }”
   *[other] { $count } customers match “{ $query }”
}
customer-created-reply = Saved { $ref }: { $name }.
customer-edited-reply = Updated { $ref }: { $name }.
contract-added-reply = Contract “{ $title }” added to { $ref }: { $name }.
customer-usage = Customer commands:
help-customer = /customer new · /customer show C-7|name · /customer edit C-7 · /customer search text · /customer contract C-7 (on Slack: /deal customer …)

error-customer-unknown = There is no customer { $ref } that you can see.
error-customer-exists = Your team already has a customer named “{ $name }”.
error-customer-owner-unknown = “{ $owner }” is not a member of this customer's team.
error-cannot-keep-customers = Only salespeople, leaders and admins can change customers.
error-contract-ends-before = The contract cannot end ({ $end }) before it starts ({ $start }).
error-contract-exists = This customer already has a contract “{ $title }”.
error-import-choice = “{ $value }” is not one of: { $choices }.
error-import-owner = “{ $owner }” is not the handle of a member of this team.
error-import-contract-ends = the contract ends ({ $end }) before it starts ({ $start }).
error-import-contract-title = contract dates need a contract_title.
error-import-repeated = the same name again on line { $later } with a different { $column }; line { $later } is imported instead.
error-import-broken = the row is not valid CSV ({ $reason }).
error-import-cells = the row has { $count } cells where the header has { $expected }.
