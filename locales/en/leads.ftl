## Leads from the intake API (PRODUCT.md §4) — English. Every other catalog has exactly these.

field-external-id = external_id
field-team = Team
deal-status-lead = Lead
button-assign = Assign
form-lead-assign-title = Assign { $ref }
note-lead_report = Complete the opening report of { $ref }: { $title }
note-lead_assign = Assign the lead { $ref }: { $title }
lead-report-ask = This deal came from another system ({ $source }). Check its details and complete the opening report: then the team feed gets it and your leader is asked for advice.
lead-assign-ask = A deal came in for your team. Choose the salesperson who takes it.
lead-assigned-reply = { $ref } goes to { $owner }, who is asked to complete its opening report.
home-report-task = Complete the opening report of { $ref }: { $title }
home-assign-task = Assign the lead { $ref }: { $title }

error-deal-lead = { $ref } is a lead: complete its opening report first.
error-lead-task-not-yours = This task about { $ref } is someone else's.
error-lead-task-done = The task about { $ref } has already been done.
error-lead-assignee = “{ $owner }” is not a salesperson of this deal's team.
error-intake-team-unknown = no team is named “{ $team }”.
error-intake-owner-unknown = no active salesperson or leader has the handle “{ $owner }”.
error-intake-owner-team = “{ $owner }” is not a member of that team.
error-intake-owner-or-team = give owner (a member handle) or team (a team name).
error-intake-team-leaderless = the team “{ $team }” has no leader to assign the deal.
error-intake-not-text = { $field } must be a JSON string.
error-intake-unknown-field = “{ $name }” is not a field; the fields are { $known }.
