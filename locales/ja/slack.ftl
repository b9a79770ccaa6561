## Slack front end
slack-modal-close = キャンセル
slack-open-choice-new = …または新しい{ $field }を入力
home-my-deals = 自分の進行中の案件
home-waiting = 対応待ち
home-advice-task = { $ref } へのアドバイス依頼: { $title }
slack-form-too-late = フォームを時間内に開けませんでした。もう一度お試しください。

slack-sent-to-dm = dealbot とのダイレクトメッセージに送りました。グラフはチャンネルには送らず、そこにだけ届きます。

slack-typeahead-placeholder = 数文字入力…
