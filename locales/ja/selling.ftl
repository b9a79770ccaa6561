## 販売：見積、受注、入金計画、入金、出荷（PRODUCT.md §3.2, §9）— 日本語

field-quantity = 数量
field-discount = 値引き
field-valid-until = 有効期限
field-first-due-date = 初回支払期日
field-installments = 分割回数
field-amount-received = 入金額
field-received-on = 入金日
field-total = 合計
field-order = 受注
field-quote = 見積
field-paid = 入金済み
field-left = 未入金
field-waiting = 承認待ち
hint-quantity = 3 のような整数
hint-unit-price = 空欄なら製品の単価になります
hint-discount = パーセントで（例：10、12.5）。なしなら空欄
hint-valid-until = YYYY-MM-DD 形式（例：2026-12-31）
hint-installments = 毎月均等の回数（例：3）、または 1 行に 1 回ずつ「YYYY-MM-DD 金額」（例：2026-12-01 400000）
hint-first-due-date = 初回の支払期日（YYYY-MM-DD）。以降は毎月
hint-received-on = 入金のあった日（YYYY-MM-DD）

form-quote-title = { $deal ->
    [none] 新しい見積
   *[other] { $deal } の新しい見積
}
form-quote-revise-title = { $deal } の { $quote } 第{ $number }版
form-plan-title = { $ref } の入金計画
form-payment-title = { $ref } の入金
form-more-items = 品目をさらに追加しますか？
button-add-item = 品目を追加
button-new-quote = 新しい見積
button-submit-quote = 承認を申請
button-approve-shipment = 出荷を確認

## 販売の承認
approval-what-quote = { $deal } の見積 { $ref }
approval-what-order = { $deal } の受注 { $ref }
approval-what-payment = { $ref } の入金（{ $deal }）
approval-what-shipment = { $ref } の出荷（{ $deal }）
approval-card-approved-shipment = { $what }：{ $by }さんが確認しました
approval-told-approved-shipment = { $what }を{ $by }さんが確認しました

## 返信
quote-made-reply = { $deal } の { $ref }（{ $amount }）を保存しました。リーダーに承認を依頼しました。
quote-sent-reply = { $ref } を顧客に送付済みにしました。
quote-accepted-reply = { $ref } を顧客が承諾しました。/deal order { $quote } で受注を作成できます。
order-made-reply = { $deal } の受注 { $ref }（{ $amount }）を保存しました。リーダーに承認を依頼しました。
plan-set-reply = { $ref } の入金計画：{ $count } 回
payment-made-reply = { $ref } の入金 { $amount } を記録しました。経理に承認を依頼しました。
shipment-asked-reply = 倉庫に { $ref } の出荷を依頼しました。
invoiced-reply = { $ref } を請求済みにしました。

## 見積と受注の表示
quote-heading = { $deal } の見積 { $ref }
quote-lines-heading = 明細：
quote-line = { $number }. { $sku } { $name }：{ $quantity } × { $price }{ $discount } = { $amount }
quote-line-discount = −{ $discount }%
quote-revisions-heading = 版：
quote-revision-line = { $ref } · { $at } · { $by } · { $total } · { $state } · { $decided }
quote-state-pending = 承認待ち
quote-state-approved = 承認済み
quote-state-rejected = 却下
quote-state-sent = 顧客に送付済み
quote-state-accepted = 顧客が承諾
quote-state-revised = 改訂済み
quote-state-closed = 案件とともにクローズ
decision-open = 判断待ち
decision-closed = 案件とともにクローズ
decision-approved-by = { $by }さんが承認
decision-confirmed-by = { $by }さんが確認
decision-rejected-by = { $by }さんが却下
decision-with-comment = { $decision }：{ $comment }
order-heading = { $deal } の受注 { $ref }
order-state-pending = 承認待ち
order-state-approved = 承認済み
order-state-rejected = 却下
shipping-requested = 倉庫に出荷依頼中
shipping-shipped = 出荷済み
order-invoiced = 請求済み
order-paid = 入金完了
order-plan-heading = 入金計画：
order-no-plan = 入金計画はまだありません：/deal plan { $ref }
installment-line = { $number }. { $due } · { $amount } · { $state }
installment-paid = 入金済み
installment-part-paid = 残り { $left }
installment-open = 未入金
order-payments-heading = 入金：
payment-line = { $received } · { $amount } · { $by } · { $decided }
order-shipments-heading = 出荷：
shipment-line = { $at } · 依頼者 { $by } · { $decided }
order-decisions = 受注：{ $decided }
stock-reason-shipment = { $ref } の出荷

## 案件の経緯
timeline-quote-sent = { $actor }さんが { $ref } を顧客に送付済みにしました
timeline-quote-accepted = { $actor }さんが { $ref } の顧客承諾を記録しました
timeline-plan-set = { $actor }さんが { $ref } の入金計画を設定：{ $count } 回
timeline-order-paid = { $ref } の入金が完了しました（最後の入金の承認者：{ $actor }さん）
timeline-order-shipped = { $ref } を出荷しました（倉庫の{ $actor }さんが確認）
timeline-order-invoiced = { $actor }さんが { $ref } を請求済みにしました

## エラー
error-selling-not-yours = { $ref } についてこの操作ができるのは、{ $deal } の担当者、チームのリーダー、管理者だけです。
error-selling-deal-lost = { $deal } は失注したため、{ $ref } はこれ以上進められません。
error-quote-unknown = 見積 { $ref } は見つからないか、表示する権限がありません。
error-order-unknown = 受注 { $ref } は見つからないか、表示する権限がありません。
error-quote-no-lines = 見積には少なくとも 1 行の明細が必要です。
error-quote-too-many-lines = 見積の明細は { $limit } 行までです。
error-quote-price-needed = { $sku } の価格は { $product_currency } です。単価を { $currency } で入力してください。
error-quote-total-zero = 見積の合計は 0 より大きくしてください。
error-quote-pending = { $ref } はまだ承認待ちです。
error-quote-approved = { $ref } はすでに承認されています。
error-quote-rejected = { $ref } は却下されました。/deal revise { $quote } で新しい版を作成してください。
error-quote-sent = { $ref } はすでに送付済みです。
error-quote-accepted = { $ref } はすでに顧客が承諾しています。
error-quote-revised = { $ref } には新しい版があります。
error-quote-closed = { $ref } は案件とともにクローズされました。
error-order-needs-accepted = { $ref } はまだ顧客の承諾がありません。先に /deal quote-accepted { $quote } で記録してください。
error-order-exists = { $quote } にはすでに受注 { $ref } があります。
error-order-pending = { $ref } はまだリーダーの承認待ちです。
error-order-rejected = { $ref } は却下されました。/deal order { $quote } で再度申請してください。
error-order-invoiced = { $ref } はすでに請求済みです。
error-order-not-shipped = { $ref } はまだ出荷されていません。先に倉庫が出荷を確認します（/deal ship { $ref }）。
error-shipping-none = { $ref } は今は出荷できません。
error-shipping-requested = { $ref } の出荷はすでに倉庫に依頼済みです。
error-shipping-shipped = { $ref } はすでに出荷済みです。
error-shipment-short = { $ref } の出荷は確認できません：{ $sku } の在庫は { $on_hand } で、出荷には { $needed } 必要です。在庫は動かしていません。
error-payment-no-plan = { $ref } にはまだ入金計画がありません。/deal plan { $ref } で作成してください。
error-payment-too-much = { $ref } の未入金は { $left } { $currency } だけです（承認待ちの入金を含みます）。
error-plan-after-payment = { $ref } にはすでに入金が記録されているため、入金計画は変更できません。
error-plan-sum = 分割の合計は { $sum } { $currency } ですが、総額は { $total } { $currency } です。一致させてください。
error-plan-line = { $line } 行目「{ $value }」は「YYYY-MM-DD 金額」（例：2026-12-01 400000）の形ではありません。
error-date-future = { $value } はまだ来ていません。今日以前の日付にしてください。
error-needs-quote = 見積を指定してください。例：/deal { $command } Q-3
error-needs-order = 受注を指定してください。例：/deal { $command } O-4

## ヘルプと Telegram のメニュー
help-quote = /deal quote D-12 — 明細付きの見積（リーダーが承認）
help-quote-sent = /deal quote-sent Q-3 — 承認済みの見積を顧客に送付
help-quote-accepted = /deal quote-accepted Q-3 — 顧客が見積を承諾
help-revise = /deal revise Q-3 — 顧客の変更依頼に応じた新しい版
help-order = /deal order Q-3 — 承諾済みの見積から受注（リーダーが承認）
help-plan = /deal plan O-4 — 受注の入金計画
help-payment = /deal payment O-4 — 入金の記録（経理が承認）
help-ship = /deal ship O-4 — 倉庫に受注の出荷を依頼
help-invoiced = /deal invoiced O-4 — 出荷済みの受注を請求済みに
telegram-menu-quote = 案件の見積（例：/quote D-12）
telegram-menu-order = 承諾済みの見積から受注（例：/order Q-3）
telegram-menu-plan = 受注の入金計画（例：/plan O-4）
telegram-menu-payment = 入金の記録（例：/payment O-4）
telegram-menu-ship = 倉庫に出荷を依頼（例：/ship O-4）
