## dealbot — 日本語。メッセージとプレースホルダーは英語版 (locales/en/dealbot.ftl) と完全に一致させること。

language-name-in-sentence = 日本語
language-name = 日本語

## フォーム項目 (PRODUCT.md §9)
field-customer = 顧客
field-title = 案件名
field-industry = 業種
field-company-size = 企業規模
field-amount = 金額
field-currency = 通貨
field-expected-close = 受注予定日
field-source = 流入元
field-notes = メモ
field-deal = 案件
field-activity = 活動
field-status = ステータス
field-lost-reason = 失注理由
field-advice = 助言
field-comment = コメント
field-owner = 担当者
hint-amount = 正の数値（例：12000、12,000.50）
hint-currency = USD、EUR、JPY などの3文字の通貨コード
hint-expected-close = YYYY-MM-DD 形式（例：2026-12-31）

## フォーム
form-deal-new-title = 新規案件
form-deal-update-title = 進捗報告
form-advice-title = { $ref } への助言
form-submit = 保存
form-cancelled = キャンセルしました。何も保存されていません。

## 選択肢
industry-manufacturing = 製造業
industry-retail = 小売業
industry-software = IT・ソフトウェア
industry-finance = 金融・保険
industry-healthcare = 医療・ヘルスケア
industry-construction = 建設業
industry-logistics = 物流
industry-public = 官公庁・公共
industry-education = 教育
industry-other = その他
size-1-9 = 従業員 1〜9 名
size-10-49 = 従業員 10〜49 名
size-50-249 = 従業員 50〜249 名
size-250-999 = 従業員 250〜999 名
size-1000plus = 従業員 1000 名以上
activity-visit = 訪問
activity-call = 電話
activity-meeting = 打ち合わせ
activity-quote = 見積提出
activity-email = メール
activity-other = その他
status-log-only = 記録のみ
status-negotiation = 商談中
status-won = 受注
status-lost = 失注
deal-status-open = 新規
deal-status-negotiation = 商談中
deal-status-won = 受注
deal-status-lost = 失注

## ボタン
button-give-advice = 助言する
button-approve = 承認
button-reject = 却下
button-open-report = 報告を開く

## エラー
error-heading = 申し訳ありません。
error-generic = 問題が発生しました。変更は行われていません。
error-not-found = 見つかりませんでした。
error-not-allowed = この操作を行う権限がありません。
error-invalid = 入力内容が正しくありません。
error-conflict = この操作はすでに完了しています。
error-required = 「{ $field }」は必須項目です。
error-too-long = 「{ $field }」は { $limit } 文字以内で入力してください（現在 { $length } 文字）。
error-choice = 「{ $value }」は「{ $field }」の選択肢にありません。次の中から選んでください：{ $choices }
error-amount-not-number = 「{ $value }」は金額として認識できません。{ $example } のように数値で入力してください。
error-amount-not-positive = 金額は 0 より大きい値を入力してください。
error-amount-precision = { $currency } の金額は小数点以下 { $digits } 桁までです。
error-currency-unknown = 「{ $currency }」は通貨コードではありません。USD、EUR、JPY などを入力してください。
error-date-format = 「{ $value }」は YYYY-MM-DD 形式の日付ではありません（例：2026-12-31）。
error-date-invalid = 「{ $value }」は存在しない日付です。日と月を確認してください。
error-not-on-team = まだどのチームにも所属していません。dealbot.toml への追加を管理者に依頼してください。
error-deal-unknown = 閲覧できる案件 { $ref } はありません。
error-ref-bare-number = 「{ $value }」だけでは指定できません。{ $ref } や #{ $value } のように参照番号で入力してください。
error-cannot-open-deals = 案件を登録できるのは営業担当者と営業リーダーのみです。
error-task-unknown = このタスクはもう存在しません。
error-advice-not-yours = { $ref } への助言は、依頼を受けた営業リーダーのみが行えます。
error-advice-done = { $ref } への助言はすでに済んでいます。
error-not-your-deal = { $ref } の報告ができるのは案件の担当者のみです。
error-deal-closed = { $ref } はすでにクローズ済みです。
error-unknown-command = 「{ $command }」はコマンドではありません。/deal help でコマンド一覧を表示できます。
error-lang-unknown = 「{ $value }」は dealbot が対応していない言語です。{ $choices }から選んでください。
error-filter = 「{ $value }」は { $filter } に指定できる値ではありません。次の中から選んでください：{ $choices }

## 設定エラー（運用担当者向け）
config-route-audience = 「{ $route }」に有効な宛先（audience）が指定されていません。{ $allowed } のいずれかを使用してください。
config-route-placement = 「{ $route }」に有効な配置（placement）が指定されていません。{ $allowed } のいずれかを使用してください。
config-route-mismatch = 「{ $route }」は組み合わせが正しくありません。この宛先に指定できるのは { $allowed } です。
config-route-event = 「{ $event }」はイベントではありません。{ $allowed } のいずれかを使用してください。
config-route-list = { $event } のルーティングは "feed:post" のような文字列のリストで指定してください。
config-route-lost-feed = { $event } はチームフィードに送信できません。失注案件は営業リーダーにのみ通知されます。

## 通知
note-deal_opened-feed = 新規案件 { $ref }：{ $title }
note-deal_opened-leader = { $ref } への助言をお願いします：{ $title }
note-deal_opened = 新規案件 { $ref }：{ $title }
note-advice_given = { $actor }さんから { $ref } への助言
note-progress_shared = { $ref } の進捗：商談中（{ $actor }さん）
note-progress_logged = { $ref } の進捗（{ $actor }さん）
note-deal_won-feed = 受注しました！ { $ref }：{ $title }
note-deal_won = { $ref } を { $owner }さんが受注しました：{ $title }
note-deal_lost = { $ref } は失注しました：{ $title }
advice-task-ask = この案件は { $owner }さんが登録しました。助言は { $owner }さんと案件のスレッドに届きます。

## 案件
deal-heading = { $ref }：{ $title }
deal-line = { $ref } · { $title } · { $customer } · { $amount } · { $owner } · { $status }
timeline-heading = 経緯：
timeline-opened = { $actor }さんが登録
timeline-advice = { $actor }さんからの助言
timeline-progress = { $actor }さんの進捗報告
timeline-won = 受注（{ $actor }さんが報告）
timeline-lost = 失注（{ $actor }さんが報告）
list-mine = { $count ->
    [0] 進行中の案件はありません
   *[other] あなたの進行中の案件（{ $count } 件）
}
list-team = { $count ->
    [0] チームに進行中の案件はありません
   *[other] チームの進行中の案件（{ $count } 件）
}
list-empty = 該当するものはありません。
search-found = { $count ->
    [0] 案件は見つかりませんでした
   *[other] { $count } 件の案件が見つかりました
}
stats-heading = { $count ->
   *[other] 案件 { $count } 件の統計
}
stats-total = 全案件
stats-by-industry = 業種別：
stats-by-size = 企業規模別：
stats-funnel = ファネル：
stats-line = { $label }：{ $count ->
   *[other] { $count } 件
}、受注 { $won }、失注 { $lost }、受注率 { $rate }、金額 { $amount }
stats-funnel-step = { $stage }：{ $count }

## 返信
deal-opened-reply = { $ref } を保存しました：{ $title }。チームフィードに共有し、営業リーダーに助言を依頼しました。
progress-reply-log_only = { $ref } の経緯に記録しました。誰にも通知していません。
progress-reply-negotiation = 保存し、{ $ref } のスレッドでチームに共有しました。
progress-reply-won = おめでとうございます！ { $ref } を受注しました。チームと営業リーダーに通知しました。
progress-reply-lost = { $ref } を失注としてクローズしました。営業リーダーにのみ、理由とともに通知しました。
advice-reply = ありがとうございます。{ $ref } への助言を { $owner }さんと案件のスレッドに送りました。

## ヘルプ
help-heading = dealbot のコマンド
help-new = /deal new — 新規案件を報告
help-update = /deal update [D-12] — 案件の進捗を報告
help-won = /deal won [D-12] — 案件を受注としてクローズ
help-lost = /deal lost [D-12] — 案件を失注としてクローズ（理由は営業リーダーにのみ通知）
help-show = /deal show D-12、Q-3、O-4 — 案件とその経緯、見積、受注を表示
help-list = /deal list — 進行中の案件の一覧
help-search = /deal search [industry:…] [size:…] [status:…] [owner:…] [from:YYYY-MM-DD] [to:YYYY-MM-DD] [キーワード]
help-stats = /deal stats [search と同じ絞り込み条件] — 受注率・件数・金額・ファネル（グラフはダイレクトメッセージに）
help-help = /deal help — この一覧
help-lang = /deal lang [en|ja|zh|ru] — dealbot の表示言語
help-refs = すべての案件には D-12 のような番号が付いています。案件を指定するコマンドでは、この番号が使えます。
lang-current = dealbot の表示言語は{ $locale }です。/deal lang に続けて{ $choices }を指定すると変更できます。
lang-set = これからは{ $locale }で表示します。

## シェル
shell-welcome = dealbot シェル — /help でコマンド一覧、/as <handle> で別の人として操作、/quit で終了します。
shell-you-are = 現在のユーザー：{ $name }（@{ $handle }）、{ $team }
shell-help = シェル：/as <handle> で人を切り替え、/who で全員を表示、番号を入力するとそのボタンを押下、/cancel でフォームを中止、/back で前の質問に戻る、/quit で終了。
shell-unknown = 「{ $text }」はここでは使えないコマンドです。/help と入力してください。
shell-no-such-person = ハンドル「{ $handle }」のユーザーはいません。/who で全員を確認できます。
shell-no-such-button = ボタン [{ $number }] はありません。
shell-optional = 任意。Enter でスキップ
shell-choose = 一覧の番号か名前を入力してください。
shell-choose-or-type = 一覧の番号を入力するか、新しい名前を入力してください。
shell-cancel-hint = /cancel で中止、/back で戻る
shell-to-dm = { $name }（@{ $handle }）への DM
shell-to-feed = チームフィード · { $team }
shell-to-thread = { $ref } のスレッド · { $team } のフィード
shell-to-thread-broadcast = { $ref } のスレッド · { $team } のフィード（チャンネルにも送信）

## Pickers, review, roles and delivery notices
error-amount-too-large = 金額の上限は { $limit } です。
error-date-past = { $value } は過去の日付です。今日以降の日付を入力してください。
error-task-deal-closed = { $ref } はクローズ済みのため、このタスクも終了しています。
error-choice-range = 一覧に { $value } 番はありません。1〜{ $last } の番号を入力してください。
error-name-is-number = 「{ $value }」は番号であり、名前ではありません。{ $field }そのものを入力するか、一覧から選んでください。
error-name-only-number = 「{ $value }」は番号だけです。{ $field }は会社名などの文字で入力してください。
error-button-unknown = このボタンはもう使えません。
error-owner-unknown = ハンドル「{ $owner }」のメンバーはいません。
hint-deal = 一覧の番号で選ぶか、D-12 のような参照番号を入力してください。
form-use-review-controls = すべて回答済みです。保存するか、戻って修正するか、キャンセルしてください。
form-stale = その質問にはもう回答済みです。
form-no-match = 「{ $value }」に一致するものはありません。別の文字で試してください。
form-new-value = 新規：{ $value }
form-pick-match = 「{ $value }」に一致する候補です。選ぶか、もう一度入力してください。
shell-review = 回答を確認してください：
shell-review-how = y で保存、/back で直前の回答を修正、/cancel ですべて破棄します。
role-sales = 営業
role-leader = リーダー
role-finance = 経理
role-warehouse = 倉庫
role-admin = 管理者
note-delivery_parked = { $platform } の { $place } 宛てのメッセージを配信できず、保留しています。
note-delivery_parked-what = 最後のエラー：{ $error }。再送するには：dealbot outbox retry { $delivery }
note-lane_parked = { $platform } が { $place } 宛てのメッセージを拒否しています。解決するまでそこには送りません。
note-lane_parked-what = エラー：{ $error }。原因を解消してから（例：ボットを再度追加）、次を実行してください：dealbot outbox retry { $delivery }
note-person_unreachable-what = 「開始」が押されしだい、保留中のメッセージをすべて届けます。
note-chat_moved = { $platform } の { $place } のチャットが新しい ID に移りました（{ $old } → { $new }）。ボットは新しい ID に送ります。
note-chat_moved-what = 次回の起動でも使われるよう、dealbot.toml に新しい ID { $new } を設定してください。

## Cards that change
card-task-done = { $ref } への助言は完了しました：{ $title }
card-task-done-by = { $actor }さんが助言しました。
card-task-closed = { $ref } はクローズされました：{ $title }
card-task-closed-why = このタスクが終わる前に { $ref } がクローズされた（{ $status }）ため、このタスクも終了しました。
shell-card-changed = カードを更新 · { $where }

## グラフ（PRODUCT.md §2.5）：依頼した本人のダイレクトメッセージにだけ届きます
help-chart = /deal chart funnel|industry|size [search と同じ絞り込み条件] — グラフ 1 枚とその数値
chart-funnel = { $count ->
   *[other] 営業ファネル（案件 { $count } 件）
}
chart-win-rate-industry = 業種別の受注率
chart-win-rate-size = 企業規模別の受注率
chart-axis-deals = 案件数
chart-axis-win-rate = 受注率 = 受注 ÷（受注 + 失注）
chart-nothing-to-draw = グラフはありません：まだクローズした案件がないか、該当する案件がありません。
error-chart-which = どのグラフですか？ /deal chart の後に { $choices } を入力してください。
error-chart-unknown = 「{ $value }」というグラフはありません。/deal chart の後に { $choices } を入力してください。
shell-chart-file = グラフ「{ $title }」を保存しました：{ $path }
shell-chart-not-drawn = グラフ「{ $title }」を描画できませんでした（理由はログにあります）。数値は上のとおりです。

## Approvals
field-requested-by = 申請者
approval-card = { $what }の承認をお願いします
approval-card-approved = { $what }：{ $by }さんが承認しました
approval-card-rejected = { $what }：{ $by }さんが却下しました
approval-card-closed = { $what }：案件が{ $status }になったため、判断は不要になりました
approval-comment = コメント：{ $comment }
approval-told-approved = { $what }は{ $by }さんに承認されました
approval-told-rejected = { $what }は{ $by }さんに却下されました
approvals-none = あなたの判断を待っている申請はありません。
approvals-heading = { $count }件の申請があなたの判断を待っています
approval-done-approved = 承認しました：{ $what }。申請者に通知しました。
approval-done-rejected = 却下しました：{ $what }。申請者に理由を伝えました。
help-approvals = /deal approvals — あなたの判断を待っている申請
home-approvals = 自分の承認待ち
form-approval-reject-title = { $what }を却下
timeline-approval-requested = { $approval_kind ->
    [quote] { $actor }さんが見積 { $ref } の承認を申請
    [order] { $actor }さんが受注 { $ref } の承認を申請
    [payment] { $actor }さんが { $ref } の入金を記録し、経理に承認を申請
    [shipment] { $actor }さんが倉庫に { $ref } の出荷を依頼
   *[other] { $actor }さんが{ $ref }の承認を申請
}
timeline-approval-approved = { $approval_kind ->
    [quote] { $actor }さんが見積 { $ref } を承認
    [order] { $actor }さんが受注 { $ref } を承認
    [payment] { $actor }さんが { $ref } の入金を承認
    [shipment] { $actor }さんが { $ref } の出荷を確認
   *[other] { $actor }さんが{ $ref }を承認
}
timeline-approval-rejected = { $approval_kind ->
    [quote] { $actor }さんが見積 { $ref } を却下：{ $comment }
    [order] { $actor }さんが受注 { $ref } を却下：{ $comment }
    [payment] { $actor }さんが { $ref } の入金を却下：{ $comment }
    [shipment] { $actor }さんが { $ref } の出荷を却下：{ $comment }
   *[other] { $actor }さんが{ $ref }を却下：{ $comment }
}
error-approval-unknown = その承認申請は存在しません。
error-approval-own = { $kind ->
    [payment] 自分の申請は自分で判断できません。{ $ref } の入金は別の人が判断します。
    [shipment] 自分の申請は自分で判断できません。{ $ref } の出荷は別の人が確認します。
   *[other] 自分の申請は自分で判断できません。{ $ref }は別の人が判断します。
}
error-approval-not-yours = { $kind ->
    [payment] { $ref } の入金を判断する権限がありません。
    [shipment] { $ref } の出荷を確認する権限がありません。
   *[other] { $ref }を判断する権限がありません。
}
error-approval-closed = { $ref }は案件がクローズされたため、判断は不要です。
error-approval-already-approved = { $kind ->
    [payment] { $ref } の入金は{ $by }さんがすでに承認しました。
    [shipment] { $ref } の出荷は{ $by }さんがすでに確認しました。
   *[other] { $ref }は{ $by }さんがすでに承認しました。
}
error-approval-already-rejected = { $kind ->
    [payment] { $ref } の入金は{ $by }さんがすでに却下しました。
    [shipment] { $ref } の出荷は{ $by }さんがすでに却下しました。
   *[other] { $ref }は{ $by }さんがすでに却下しました。
}

## Forms with repeated rows, counts and percentages
form-row-label = 品目{ $row }・{ $label }
answer-yes = はい
answer-no = いいえ
error-count-not-number = 「{ $value }」は 3 のような整数ではありません。
error-count-range = 1〜{ $limit } の数を入力してください。
error-percent = 「{ $value }」は 0〜100 の割合ではありません（例：10、12.5）。
error-show-unknown = 表示するものを指定してください（例：/deal show D-12、/deal show Q-3、/deal show O-4）
