## dealbot on Telegram — 日本語

telegram-menu-new = 新しい案件を報告する
telegram-menu-update = 案件の進捗を報告する
telegram-menu-won = 案件を受注で閉じる
telegram-menu-lost = 案件を失注で閉じる
telegram-menu-show = 案件・見積・受注を表示（例: /show D-12、/show Q-3）
telegram-menu-list = 進行中の案件
telegram-menu-search = 案件を検索する
telegram-menu-stats = 受注率・件数・金額・ファネル（グラフ付き）
telegram-menu-lang = dealbot の表示言語
telegram-menu-help = すべてのコマンド
telegram-menu-approvals = あなたの判断を待っている申請
telegram-menu-customer = 顧客: 新規・表示・編集・検索・契約
telegram-menu-product = 商品: 一覧・表示
telegram-menu-stock = 商品の在庫と入出庫
telegram-menu-cancel = 入力中のフォームをやめる
telegram-welcome = { $name } さん、こんにちは！ { $team } のメンバーです。
telegram-start-help = /new で案件報告、/update で進捗報告、そのほかは /help をどうぞ。
telegram-open-private = フォームと返信は私との個別チャットに届きます。開いて「開始」を押してください: { $link }
telegram-nothing-to-cancel = 取り消すフォームはありません。
telegram-no-form = 入力中のフォームはありません。/help でコマンドを確認できます。
telegram-optional = 任意
telegram-choose = 下から選ぶか、入力してください。
telegram-choose-or-type = 下から選ぶか、新しい名前を入力してください。
telegram-button-skip = スキップ
telegram-button-back = ◀ 戻る
telegram-button-cancel = ✖ やめる
telegram-confirm = 内容を確認して保存してください。
telegram-form-gone = そのフォームはもう開いていません。
note-person_unreachable = { $person }（@{ $handle }）さんが { $platform } で dealbot を開始していないため、通知が届かず保留中です。ボットとの個別チャットを開いて「開始」を押すよう伝えてください。

telegram-menu-chart = グラフ 1 枚：funnel・industry・size
