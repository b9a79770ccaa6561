## 外部システムからの案件（PRODUCT.md §4）— 日本語

field-external-id = external_id
field-team = チーム
deal-status-lead = リード
button-assign = 割り当て
form-lead-assign-title = { $ref } を割り当て
note-lead_report = { $ref } の初回報告を完了してください: { $title }
note-lead_assign = リード { $ref } を割り当ててください: { $title }
lead-report-ask = この案件は外部システム（{ $source }）から届きました。内容を確認して初回報告を完了すると、チームのフィードに掲載され、リーダーにアドバイスが依頼されます。
lead-assign-ask = チームに案件が届きました。担当する営業を選んでください。
lead-assigned-reply = { $ref } を { $owner } さんに割り当て、初回報告の完了を依頼しました。
home-report-task = { $ref } の初回報告を完了: { $title }
home-assign-task = リード { $ref } を割り当て: { $title }

error-deal-lead = { $ref } はリードです。先に初回報告を完了してください。
error-lead-task-not-yours = { $ref } のこのタスクは別の人の担当です。
error-lead-task-done = { $ref } のタスクはすでに完了しています。
error-lead-assignee = 「{ $owner }」はこの案件のチームの営業担当ではありません。
error-intake-team-unknown = 「{ $team }」という名前のチームはありません。
error-intake-owner-unknown = ハンドル「{ $owner }」の有効な営業担当またはリーダーはいません。
error-intake-owner-team = 「{ $owner }」はそのチームのメンバーではありません。
error-intake-owner-or-team = owner（メンバーのハンドル）または team（チーム名）を指定してください。
error-intake-team-leaderless = チーム「{ $team }」には案件を割り当てるリーダーがいません。
error-intake-not-text = { $field } は JSON の文字列でなければなりません。
error-intake-unknown-field = 「{ $name }」という項目はありません。項目は { $known } です。
