## 顧客（PRODUCT.md §3.1）— 日本語

field-name = 正式名称
field-contact-name = 担当窓口
field-contact-position = 窓口の役職
field-legal-address = 登記住所
field-contact-address = 連絡先住所
field-channel = 提案の送付方法
field-channel-address = 送付先
field-founded = 設立日
field-first-contract = 初回契約日
field-contact-birthday = 窓口の誕生日
field-contract-title = 契約
field-contract-start = 契約開始日
field-contract-end = 契約終了日
hint-founded = YYYY-MM-DD 形式（例：1998-04-01）
hint-first-contract = YYYY-MM-DD 形式（例：2024-10-01）
hint-contact-birthday = YYYY-MM-DD 形式（例：1980-07-15）
hint-contract-start = YYYY-MM-DD 形式（例：2026-01-01）
hint-contract-end = YYYY-MM-DD 形式（例：2027-12-31）
hint-customer = 名称・窓口・住所の一部を数文字入力するか、C-7 のような番号を入力してください。
channel-email = メール
channel-phone = 電話
channel-post = 郵送
channel-messenger = メッセンジャー
channel-visit = 訪問
form-customer-new-title = 新規顧客
form-customer-edit-title = { $ref } を編集
form-customer-contract-title = 新規契約
form-typeahead = 数文字入力すると候補が表示されます。

customer-heading = { $ref }: { $name }
customer-contracts = { $count ->
    [0] 契約はありません
   *[other] 契約（{ $count } 件）:
}
customer-contract-line = { $title }: { $start } – { $end }
customer-deals = { $count ->
    [0] 案件はありません
   *[other] 案件（{ $count } 件）:
}
customer-deal-line = { $ref } · { $title } · { $status }
customer-search-found = { $count ->
    [0] 「{ $query }」に一致する顧客はいません
   *[other] 「{ $query }」に一致する顧客: { $count } 件
}
customer-created-reply = { $ref }: { $name } を保存しました。
customer-edited-reply = { $ref }: { $name } を更新しました。
contract-added-reply = { $ref }: { $name } に契約「{ $title }」を追加しました。
customer-usage = 顧客のコマンド:
help-customer = /customer new · /customer show C-7|名称 · /customer edit C-7 · /customer search 文字列 · /customer contract C-7（Slack では /deal customer …）

error-customer-unknown = 表示できる顧客 { $ref } はありません。
error-customer-exists = 「{ $name }」という顧客はチームにすでに登録されています。
error-customer-owner-unknown = 「{ $owner }」はこの顧客のチームのメンバーではありません。
error-cannot-keep-customers = 顧客を変更できるのは営業担当・リーダー・管理者だけです。
error-contract-ends-before = 契約の終了日（{ $end }）が開始日（{ $start }）より前です。
error-contract-exists = この顧客にはすでに契約「{ $title }」があります。
error-import-choice = 「{ $value }」は次のいずれでもありません: { $choices }。
error-import-owner = 「{ $owner }」はこのチームのメンバーのハンドルではありません。
error-import-contract-ends = 契約の終了日（{ $end }）が開始日（{ $start }）より前です。
error-import-contract-title = 契約の日付には contract_title が必要です。
error-import-repeated = 同じ名称が { $later } 行目に { $column } の異なる内容で再度あります。{ $later } 行目を取り込みます。
error-import-broken = この行は正しい CSV ではありません（{ $reason }）。
error-import-cells = ヘッダーは { $expected } 列ですが、この行は { $count } 列です。
