## リマインダー (PRODUCT.md §5) — 日本語

help-mute = /deal mute payments|stock|key_dates|contracts|stagnation|digest — 種類ごとにリマインダーを止める
help-unmute = /deal unmute <種類> — 止めたリマインダーを再開する
help-reminders = /deal reminders — 過去7日間に送信・遅延・見送りとなったリマインダー（管理者）
telegram-menu-mute = リマインダーを種類ごとに止める
telegram-menu-unmute = 止めたリマインダーを再開する
telegram-menu-reminders = 過去7日間のリマインダー（管理者）

reminder-topic-payments = 入金
reminder-topic-stock = 在庫
reminder-topic-key-dates = 記念日
reminder-topic-contracts = 契約
reminder-topic-stagnation = 停滞中の商談
reminder-topic-digest = 週次ダイジェスト
mute-done = 「{ $topic }」のリマインダーを止めました。
unmute-done = 「{ $topic }」のリマインダーを再開しました。
mute-list = 停止中: { $topics }
mute-none = すべての種類のリマインダーを受け取っています。
mute-usage = 種類: { $choices }。/deal mute <種類>、/deal unmute <種類>
error-reminder-topic = 「{ $value }」はリマインダーの種類ではありません。次のいずれかを指定してください: { $choices }
error-reminders-admins = 送信済みのリマインダーを見られるのは管理者だけです。
error-stagnant-not-yours = { $ref } の担当者かチームのリーダーだけが操作できます。

reminder-late = 遅延: 本来は { $due } に届く予定でした。
reminder-item-late = { $text }（遅延: 本来 { $due }）
reminder-more = ほか { $count } 件
reminder-no-owner = 担当者なし
reminder-contact-unnamed = ご担当者
reminder-heading-payments = 入金のリマインダー { $count } 件
reminder-heading-stock = 在庫の上下限を外れた製品 { $count } 件
reminder-heading-key-dates = 記念日 { $count } 件
reminder-heading-contracts = 終了が近い契約 { $count } 件

reminder-installment-soon = { $order } の第{ $number }回分割（{ $deal }、{ $customer }）: { $amount } の期日まであと{ $days }日（{ $date }）
reminder-installment-today = { $order } の第{ $number }回分割（{ $deal }、{ $customer }）: { $amount } の期日は今日です
reminder-installment-overdue = { $order } の第{ $number }回分割（{ $deal }、{ $customer }）: { $amount } が期日（{ $date }）から{ $days }日遅れています
reminder-installment-escalation = { $days }日延滞: { $order } の第{ $number }回分割（{ $deal }、{ $customer }）、残額 { $amount }、期日 { $date }、担当: { $owner }

reminder-founded-soon = あと{ $days }日（{ $date }）: { $customer }（{ $ref }）の創立{ $years }周年
reminder-founded-today = 今日: { $customer }（{ $ref }）の創立{ $years }周年
reminder-founded-past = { $date }: { $customer }（{ $ref }）の創立{ $years }周年
reminder-first-contract-soon = あと{ $days }日（{ $date }）: { $customer }（{ $ref }）との初契約から{ $years }周年
reminder-first-contract-today = 今日: { $customer }（{ $ref }）との初契約から{ $years }周年
reminder-first-contract-past = { $date }: { $customer }（{ $ref }）との初契約から{ $years }周年
reminder-birthday-soon = あと{ $days }日（{ $date }）: { $contact } 様（{ $customer }、{ $ref }）のお誕生日
reminder-birthday-today = 今日: { $contact } 様（{ $customer }、{ $ref }）のお誕生日
reminder-birthday-past = { $date }: { $contact } 様（{ $customer }、{ $ref }）のお誕生日

reminder-contract-end = { $customer }（{ $ref }）との契約「{ $title }」は{ $days ->
    [0] 今日
   *[other] あと{ $days }日
}（{ $date }）で終了します。更新するか、新しい製品をご提案ください。

reminder-stock-low = { $sku }（{ $name }）が最小在庫を下回っています: 在庫 { $on_hand }、最小 { $limit }
reminder-stock-high = { $sku }（{ $name }）が最大在庫を上回っています: 在庫 { $on_hand }、最大 { $limit }

reminder-stagnation = { $ref } { $title }（{ $customer }）は{ $days }日間進捗がありません
reminder-stagnation-ask = 進捗を記録するか、3日間スヌーズするか、失注にしてください。
reminder-stagnation-snoozed = { $ref } { $title }: { $by } さんが { $date } までスヌーズしました
reminder-stagnation-closed = { $ref } { $title } は終了しました: { $status }
button-log-progress = 進捗を記録
button-snooze = 3日間スヌーズ
button-mark-lost = 失注にする
stagnant-snoozed-reply = { $ref } を { $date } までスヌーズしました。それまで停滞のリマインダーは届きません。

reminder-digest = { $team } の週次ダイジェスト: { $first } 〜 { $last }
digest-pipeline = ステージ別パイプライン:
digest-stage = { $stage }: { $count }件 · { $amounts }
digest-won = 今週の受注: { $count }件 · { $amounts }
digest-lost = 今週の失注: { $count }件 · { $amounts }
digest-deal-line = · { $ref } { $title }
digest-stagnant = 停滞中の商談: { $count }件
digest-stagnant-line = · { $ref } { $title } · { $owner } · { $date } から進捗なし
digest-overdue = 延滞中の入金: { $count }件 · { $amounts }
digest-overdue-line = · { $order } 第{ $number }回（{ $deal }） · { $amount } · 期日 { $date }
digest-chart-title = ステージ別の進行中の商談と今週クローズした商談

reminders-report = 過去7日間のリマインダー: 送信 { $sent } 件、遅延 { $late } 件、見送り { $missed } 件
reminders-report-kind = { $kind }: 送信 { $sent }、遅延 { $late }、見送り { $missed }
reminders-report-line = { $state } · { $date } · { $kind } · { $label } → { $member }（{ $team }）
reminders-report-none = 過去7日間に予定されたリマインダーはありません。
reminder-state-sent = 送信
reminder-state-late = 遅延
reminder-state-missed = 見送り
reminder-kind-installment = 分割払い
reminder-kind-installment-escalation = 延滞（経理・リーダー宛て）
reminder-kind-stock-low = 最小在庫割れ
reminder-kind-stock-high = 最大在庫超過
reminder-kind-founded = 創立記念日
reminder-kind-first-contract = 初契約記念日
reminder-kind-birthday = 誕生日
reminder-kind-contract-end = 契約終了
reminder-kind-stagnation = 停滞中の商談
reminder-kind-digest = 週次ダイジェスト
