"""繁體中文 (Taiwan): the English text the app passes to ``tr`` → its translation.

Taiwan usage (資料, 程式, 檔案, 預設, 連結, 最佳化器, 一次微分); the lecture's symbols stay as they are.
Grouped by the file that first uses a string. ``python scripts/i18n_strings.py --missing`` lists what is missing;
tests/test_i18n.py checks that every string is here with the same ``{placeholders}``.
"""

TABLE: dict[str, str] = {
    # --- app.py
    'Gradient descent, step by step':
        '梯度下降，一步一步來',
    'Start':
        '開始',
    'Home: the lecture map':
        '首頁：課程地圖',
    'Review':
        '複習',
    'Tip 1: learning rates':
        '訣竅 1：學習率',
    'Tune your learning rate':
        '調整你的學習率',
    'Adagrad':
        'Adagrad',
    'The best step':
        '最好的一步',
    'Tips 2 and 3':
        '訣竅 2 與 3',
    'Stochastic gradient descent':
        '隨機梯度下降',
    'Feature scaling':
        '特徵縮放',
    'Theory and limits':
        '理論與限制',
    'Why it works, and when it does not':
        '為什麼有效，以及何時無效',
    'More limitations':
        '更多限制',
    'Beyond the lecture':
        '課程之外',
    'Momentum, RMSProp, Adam':
        '動量、RMSProp、Adam',
    'Playground':
        '自由實驗場',
    'Language':
        '語言',
    "The link's value for **{label}** (`{raw}`) cannot be used here, so the default **{default}** is shown.":
        '連結中 **{label}** 的值（`{raw}`）在這裡無法使用，因此顯示預設值 **{default}**。',
    # --- ui.py
    '{value} is not a number: type numbers separated by commas.':
        '{value} 不是數字：請輸入以逗號分隔的數字。',
    'Type at least one number.':
        '請至少輸入一個數字。',
    'At most {n} numbers.':
        '最多 {n} 個數字。',
    'Every number must be finite and at most 1e6 in size.':
        '每個數字都必須是有限值，且絕對值不超過 1e6。',
    'Every number must be 0 or at least 1e-100 in size.':
        '每個數字都必須是 0，或絕對值至少 1e-100。',
    'Learning rate η':
        '學習率 η',
    'How far each update moves against the gradient.':
        '每次更新沿著梯度的反方向走多遠。',
    'minimum':
        '最小值',
    'saddle':
        '鞍點',
    'Round bowl':
        '圓碗',
    'Elongated bowl':
        '狹長的碗',
    'Rosenbrock valley':
        'Rosenbrock 山谷',
    'Himmelblau (four minima)':
        'Himmelblau（四個最小值）',
    'Saddle point':
        '鞍點',
    'Plateau':
        '平坦區',
    'Local and global minimum':
        '局部最小值與全域最小值',
    'Parabola L = x²':
        '拋物線 L = x²',
    'Wide parabola L = 0.25x²':
        '寬拋物線 L = 0.25x²',
    'Steep walls L = 0.05x⁴ + 0.5x²':
        '陡峭的牆 L = 0.05x⁴ + 0.5x²',
    'Type a formula…':
        '輸入公式…',
    'Loss L(θ₁, θ₂)':
        '損失 L(θ₁, θ₂)',
    'Your formula in x = θ₁ and y = θ₂':
        '你的公式，x = θ₁、y = θ₂',
    'Use x and y, numbers, + - * / ^, parentheses, pi, e and sin cos tan exp log sqrt tanh abs.':
        '可使用 x 與 y、數字、+ - * / ^、括號、pi、e，以及 sin cos tan exp log sqrt tanh abs。',
    'Plot window ±':
        '繪圖範圍 ±',
    'The contour shows −r ≤ x ≤ r and −r ≤ y ≤ r.':
        '等高線圖顯示 −r ≤ x ≤ r 與 −r ≤ y ≤ r。',
    'This formula cannot be used: {reason}.':
        '這個公式無法使用：{reason}。',
    'Previous update':
        '上一次更新',
    'Next update':
        '下一次更新',
    'Only one update.':
        '只有一次更新。',
    'Update t (from θᵗ to θᵗ⁺¹)':
        '第 t 次更新（從 θᵗ 到 θᵗ⁺¹）',
    'not finite':
        '非有限值',
    ('{what}Diverged at update {t}: θ left ±{bound} or the loss stopped being a finite number. The plot keeps '
     'the updates before it; try a smaller learning rate.'):
        ('{what}在第 {t} 次更新時發散：θ 超出了 ±{bound}，或損失不再是有限的數值。圖中保留發散之前的更新；'
         '請試試較小的學習率。'),
    'Your own data (CSV, at most {mb} MB and {rows} rows)':
        '你自己的資料（CSV，最多 {mb} MB、{rows} 列）',
    'One or two feature columns, then the target y as the last column. A header row is optional.':
        '一或兩個特徵欄，最後一欄是目標 y。標題列可有可無。',
    'This file cannot be used: {reason}. The built-in data is shown instead.':
        '這個檔案無法使用：{reason}。改為顯示內建資料。',
    'This lesson needs {want} feature column(s); the file has {have}. The built-in data is shown instead.':
        '這一課需要 {want} 個特徵欄；檔案有 {have} 個。改為顯示內建資料。',
    'Using {name}: {n} rows, features {features}, target {target}. An uploaded file is not part of the link.':
        '使用 {name}：{n} 列，特徵 {features}，目標 {target}。上傳的檔案不包含在連結中。',
    'Gradient descent':
        '梯度下降',
    'Momentum':
        '動量',
    'RMSProp':
        'RMSProp',
    'Adam':
        'Adam',
    'Number of updates':
        '更新次數',
    'Target loss':
        '目標損失',
    'The table counts the updates each optimizer needs to reach L ≤ this.':
        '表格計算每個最佳化器要更新幾次才能達到 L ≤ 此值。',
    'Loss on a log scale':
        '損失使用對數刻度',
    'Only losses above 0 can be drawn on a log scale.':
        '對數刻度上只能畫出大於 0 的損失。',
    'Optimizers':
        '最佳化器',
    'The hyperparameters of each (ε = 10⁻⁸ in Adagrad, RMSProp and Adam, fixed):':
        '各自的超參數（Adagrad、RMSProp 與 Adam 的 ε = 10⁻⁸，固定）：',
    'η, the learning rate':
        'η，學習率',
    'How much of the past gradients each update keeps. β = 0 is gradient descent.':
        '每次更新保留多少過去的梯度。β = 0 就是梯度下降。',
    'How much of (σᵗ⁻¹)² each update keeps: closer to 1 remembers longer.':
        '每次更新保留多少 (σᵗ⁻¹)²：越接近 1，記得越久。',
    "Momentum's share: how much of the past gradients m keeps.":
        '動量的比例：m 保留多少過去的梯度。',
    "RMSProp's share: how much of the past squared gradients v keeps.":
        'RMSProp 的比例：v 保留多少過去梯度的平方。',
    'Fix the formula in the sidebar to start the race.':
        '請在側邊欄修正公式，才能開始比賽。',
    'Switch on at least one optimizer in the sidebar.':
        '請在側邊欄至少開啟一個最佳化器。',
    'This start point cannot be used: {reason}.':
        '這個起點無法使用：{reason}。',
    'The paths from θ⁰':
        '從 θ⁰ 出發的路徑',
    'Contour':
        '等高線圖',
    '3-D surface':
        '3D 曲面',
    'The loss surface and the paths':
        '損失曲面與路徑',
    'target {value}':
        '目標 {value}',
    'Loss against updates':
        '損失對更新次數',
    'number of parameter updates':
        '參數更新次數',
    'The race in numbers':
        '比賽結果的數字',
    'Hyperparameters':
        '超參數',
    'Final L':
        '最終 L',
    'Updates to reach L ≤ {target}':
        '達到 L ≤ {target} 所需的更新次數',
    'Diverged at update':
        '發散於第幾次更新',
    'First update θ¹ − θ⁰':
        '第一次更新 θ¹ − θ⁰',
    'not reached':
        '未達到',
    ('Final L is the loss after the last update (before the divergence, for a run that diverged). The first '
     'update shows the difference at once: gradient descent and momentum move by −η g⁰, Adam by about η along '
     'each parameter, whatever the size of g⁰.'):
        ('最終 L 是最後一次更新後的損失（發散的執行則是發散之前的）。第一次更新就看得出差別：'
         '梯度下降和動量移動 −η g⁰，Adam 則在每個參數上移動約 η，不管 g⁰ 有多大。'),
    'The update rules':
        '更新規則',
    ('gᵗ = ∇L(θᵗ); the rules written with w act on each parameter (θ₁ and θ₂) separately, with gᵗ its own '
     'derivative. t counts from 0, and every running quantity starts at 0.'):
        ('gᵗ = ∇L(θᵗ)；用 w 寫的規則分別作用在每個參數（θ₁ 與 θ₂）上，gᵗ 是該參數自己的微分。t 從 0 開始計數，'
         '每個累計量都從 0 開始。'),
    "(the settings are the defaults: the page's own link)":
        '（設定都是預設值：就是這一頁本身的連結）',
    'Copy this link with the icon at its right: it opens exactly this setting.':
        '用右側的圖示複製這個連結：它會開啟完全相同的設定。',
    'What to notice':
        '注意看',
    # --- lessons/0_home.py
    ('An interactive companion to the lecture on gradient descent. Each page follows one part of the lecture, '
     'in its notation; every control is kept in the link, so a link opens exactly the setting you shared.'):
        ('梯度下降課程的互動輔助工具。每一頁對應課程的一部分，沿用課程的符號；每個控制項都保存在連結裡，'
         '所以連結會開啟你分享時的設定。'),
    'Start at θ⁰, compute the gradient, move to θ¹ = θ⁰ − η∇L(θ⁰), and again: every number filled in.':
        '從 θ⁰ 出發，計算梯度，移到 θ¹ = θ⁰ − η∇L(θ⁰)，再重複：每個數字都填好了。',
    'Tip 1: tuning your learning rates':
        '訣竅 1：調整學習率',
    'Very large, large, small, just right: the paths and the loss against the number of updates; 1/t decay.':
        '特別大、大、小、剛剛好：路徑，以及損失隨更新次數的變化；1/t 衰減。',
    ("Divide each parameter's learning rate by the root mean square of its past derivatives; the contradiction "
     'and the surprise.'):
        '把每個參數的學習率除以它過去微分的均方根；矛盾與反差。',
    'The best step is |first derivative| / second derivative, and why you should not compare across parameters.':
        '最好的一步是 |一次微分| / 二次微分，以及為什麼不該跨參數比較。',
    'Tip 2: stochastic gradient descent':
        '訣竅 2：隨機梯度下降',
    'Update after every example instead of after all of them: with 20 examples, 20 updates per epoch.':
        '每看到一個樣本就更新一次，而不是看完全部才更新：20 個樣本，每個 epoch 更新 20 次。',
    'Tip 3: feature scaling':
        '訣竅 3：特徵縮放',
    ('Make different features have the same scaling: the contours become round and gradient descent goes '
     'straight to the minimum.'):
        '讓不同的特徵有相同的尺度：等高線變圓，梯度下降直奔最小值。',
    'Theory':
        '理論',
    "Taylor series, the red circle whose best point is the gradient-descent step, and Newton's method.":
        '泰勒級數、紅色圓圈（圈內最好的點就是梯度下降的一步），以及牛頓法。',
    'More limitations of gradient descent':
        '梯度下降的更多限制',
    'Very slow at a plateau, stuck at a saddle point, stuck at a local minimum.':
        '在平坦區非常慢、卡在鞍點、卡在局部最小值。',
    'The optimizers that came after: raced on one loss from one start.':
        '之後出現的最佳化器：在同一個損失上、從同一個起點比賽。',
    'Any loss you can type, any optimizers, and a link to exactly that setting.':
        '任何你能輸入的損失、任何最佳化器，以及一個正好開啟該設定的連結。',
    # --- lessons/10_playground.py
    ('Type any loss in x = θ₁ and y = θ₂ (or pick one), choose the optimizers, their hyperparameters and the '
     'start, and watch. Everything you set is in the link below, ready to share.'):
        ('輸入任何以 x = θ₁、y = θ₂ 表示的損失（或挑一個），選擇最佳化器、它們的超參數和起點，然後觀察。'
         '你設定的一切都在下方的連結裡，隨時可以分享。'),
    'The loss':
        '損失',
    'The optimizers':
        '最佳化器',
    '**Its gradient**':
        '**它的梯度**',
    '**Its Hessian** (the second derivatives)':
        '**它的海森矩陣**（二次微分）',
    'Here x stands for θ₁ and y for θ₂.':
        '這裡 x 代表 θ₁，y 代表 θ₂。',
    'Share this setting':
        '分享這個設定',
    'Every optimizer starts from the same θ⁰ with the same loss: differences come from the update rules alone.':
        '每個最佳化器都從同一個 θ⁰、在同一個損失上出發：差別只來自更新規則。',
    ('Try a loss with several minima (the Himmelblau preset): where each optimizer ends depends on its path, '
     'not only on the start.'):
        '試試有好幾個最小值的損失（Himmelblau 預設）：每個最佳化器停在哪裡取決於它的路徑，而不只是起點。',
    'A link with a formula opens that formula: send your students a loss to explore.':
        '帶有公式的連結會開啟那個公式：把一個損失傳給你的學生去探索。',
    # --- lessons/1_step_by_step.py
    ('Start at θ⁰. Compute the gradient ∇L(θ⁰): it points uphill, at right angles to the contour line. Move '
     'the other way, θ¹ = θ⁰ − η∇L(θ⁰). Compute the gradient at θ¹, move to θ² = θ¹ − η∇L(θ¹), and so on.'):
        ('從 θ⁰ 出發。計算梯度 ∇L(θ⁰)：它指向上坡，與等高線垂直。往反方向移動，θ¹ = θ⁰ − η∇L(θ⁰)。在 θ¹ '
         '計算梯度，移到 θ² = θ¹ − η∇L(θ¹)，依此類推。'),
    'Settings':
        '設定',
    'Fix the formula in the sidebar to see gradient descent on it.':
        '請在側邊欄修正公式，才能看到梯度下降在它上面的表現。',
    'No update could be taken from this start point.':
        '從這個起點無法進行任何更新。',
    'gradient descent, η = {eta}':
        '梯度下降，η = {eta}',
    'Step by step':
        '一步一步',
    '▶ Play':
        '▶ 播放',
    'Loss contours and the path':
        '損失的等高線與路徑',
    'gradient ∇L(θᵗ)':
        '梯度 ∇L(θᵗ)',
    'movement −η∇L(θᵗ)':
        '移動 −η∇L(θᵗ)',
    ('Red: the gradient ∇L(θᵗ) at each θᵗ, drawn at one fixed length; it points uphill, at right angles to the '
     'contour line through θᵗ. Blue arrow: the selected update\'s movement −η∇L(θᵗ), from θᵗ to θᵗ⁺¹, the '
     'other way. Star: the minimum. One unit is as long on both axes, so these right angles are right angles '
     'on screen.'):
        ('紅色：每個 θᵗ 上的梯度 ∇L(θᵗ)，以同一固定長度畫出；它指向上坡，與通過 θᵗ 的等高線垂直。藍色箭頭：選定那次'
         '更新的移動 −η∇L(θᵗ)，從 θᵗ 到 θᵗ⁺¹，方向相反。星號：最小值。'
         '兩軸的一個單位一樣長，所以畫面上的直角就是真正的直角。'),
    'Speed':
        '速度',
    'Slow':
        '慢',
    'Normal':
        '正常',
    'Fast':
        '快',
    'Press ▶ to watch the updates':
        '按 ▶ 觀看每次更新',
    'Play':
        '播放',
    'Pause':
        '暫停',
    'Under the plot: the update on screen, t, θᵗ and L(θᵗ). Drag the slider to go to one.':
        '圖下方：畫面上的這次更新，t、θᵗ 與 L(θᵗ)。拖動滑桿可跳到任一次。',
    'The loss surface and the path':
        '損失曲面與路徑',
    'Update t = {t}':
        '第 t = {t} 次更新',
    'The middle vector is ∇L(θᵗ) = [∂L/∂θ₁, ∂L/∂θ₂] evaluated at θᵗ.':
        '中間的向量是在 θᵗ 求值的 ∇L(θᵗ) = [∂L/∂θ₁, ∂L/∂θ₂]。',
    'L(θᵗ), before':
        'L(θᵗ)，更新前',
    'L(θᵗ⁺¹), after':
        'L(θᵗ⁺¹)，更新後',
    '**The gradient of this loss**':
        '**這個損失的梯度**',
    ('Each red arrow is at right angles to the contour line through its point: the gradient is the direction '
     'in which L grows fastest, and we move the opposite way, −∇L.'):
        '每個紅色箭頭都與通過該點的等高線垂直：梯度是 L 增加最快的方向，而我們往相反方向 −∇L 移動。',
    ('On the elongated bowl the gradient does not point at the minimum: θ₂ (steep) settles within a few '
     'updates while θ₁ (flat) crawls.'):
        '在狹長的碗上，梯度並不指向最小值：θ₂（陡）幾次更新就穩定下來，θ₁（平）卻慢慢爬。',
    ('Raise η past 0.5 on the elongated bowl and θ₂ overshoots further each time until the run diverges: 0.5 = '
     '2 / (the largest curvature, 4).'):
        '在狹長的碗上把 η 調到超過 0.5，θ₂ 每次都衝得更遠，直到發散：0.5 = 2 /（最大的曲率 4）。',
    # --- lessons/2_learning_rate.py
    'Tip 1: tune your learning rate':
        '訣竅 1：調整你的學習率',
    ('Set the learning rate η carefully. Very large: the loss blows up. Large: it bounces and gets stuck. '
     'Small: it goes down, but very slowly. Just right: it gets there. With more than three parameters you '
     'cannot draw the path, but you can always draw the loss against the number of parameter updates.'):
        ('小心設定學習率 η。特別大：損失爆掉。大：來回彈跳、卡住。小：會下降，但非常慢。剛剛好：順利抵達。'
         '超過三個參數時畫不出路徑，但你永遠可以畫出損失對參數更新次數的圖。'),
    'Very large':
        '特別大',
    'Large':
        '大',
    'Small':
        '小',
    'Just right':
        '剛剛好',
    'Loss L(θ)':
        '損失 L(θ)',
    'Start θ⁰':
        '起點 θ⁰',
    '1/t decay: ηᵗ = η / √(t+1)':
        '1/t 衰減：ηᵗ = η / √(t+1)',
    'Start with a larger learning rate and reduce it as the updates go on.':
        '一開始用較大的學習率，隨著更新進行逐漸減小。',
    'The four learning rates':
        '四種學習率',
    '{role} (η = {eta}) diverged at update {t}: the loss left every scale.':
        '{role}（η = {eta}）在第 {t} 次更新時發散：損失超出了所有刻度。',
    'The paths on the loss curve':
        '損失曲線上的路徑',
    'Loss against the number of updates':
        '損失對更新次數',
    'Lines that leave the top of the right-hand plot are losses that grew: the learning rate is too large.':
        '超出右圖上緣的線代表損失變大了：學習率太大。',
    '2 / L″(θ*) = {value}':
        '2 / L″(θ*) = {value}',
    'Loss after {n} updates, for every η':
        '每個 η 在 {n} 次更新後的損失',
    'final loss':
        '最終損失',
    'diverged':
        '發散',
    ('On a quadratic, gradient descent with a constant η converges exactly when η < 2 / L″ = **{value}** (L″ '
     'is the second derivative at the minimum).'):
        '在二次函數上，固定 η 的梯度下降恰好在 η < 2 / L″ = **{value}** 時收斂（L″ 是最小值處的二次微分）。',
    'The learning rate ηᵗ of each update':
        '每次更新的學習率 ηᵗ',
    'The loss-against-updates plot works for any number of parameters: look at it first when tuning η.':
        '「損失對更新次數」的圖不管有多少參數都能畫：調 η 時先看它。',
    ("Past 2 / L″ every update overshoots the minimum by more than it started from: the sweep's loss shoots up "
     'right there.'):
        '超過 2 / L″ 之後，每次更新越過最小值的距離都比出發時還遠：掃描圖上的損失正好在那裡暴增。',
    ('Turn on 1/t decay: the very large rate becomes tame after a few updates, because ηᵗ shrinks; but the '
     'small rate becomes even slower.'):
        '打開 1/t 衰減：特別大的學習率在幾次更新後就變溫和了，因為 ηᵗ 會縮小；但小的學習率會變得更慢。',
    # --- lessons/3_adagrad.py
    'Adagrad: each parameter its own learning rate':
        'Adagrad：每個參數有自己的學習率',
    ('A learning rate cannot be one-size-fits-all. Adagrad divides the learning rate of each parameter by the '
     '**root mean square of its previous derivatives**, σᵗ. With the 1/t decay ηᵗ = η/√(t+1) the √(t+1) '
     'cancels, and each parameter w steps by η/√Σ(gⁱ)² times its gradient gᵗ.'):
        ('學習率不能一體適用。Adagrad 把每個參數的學習率除以**它過去微分的均方根** σᵗ。搭配 1/t 衰減 ηᵗ = '
         'η/√(t+1) 時，√(t+1) 會消掉，每個參數 w 的一步是 η/√Σ(gⁱ)² 乘上它的梯度 gᵗ。'),
    "Adagrad's η":
        'Adagrad 的 η',
    "Gradient descent's η":
        '梯度下降的 η',
    'Gradient descent with 1/t decay, ηᵗ = η/√(t+1)':
        '搭配 1/t 衰減的梯度下降，ηᵗ = η/√(t+1)',
    '① Adagrad beside gradient descent':
        '① Adagrad 與梯度下降並排',
    '② Contradiction?':
        '② 矛盾？',
    '③ How surprising it is (反差)':
        '③ 有多意外（反差）',
    'Fix the formula in the sidebar to see the runs.':
        '請在側邊欄修正公式，才能看到執行結果。',
    'Adagrad could not take a single update from this start point.':
        'Adagrad 從這個起點連一次更新都無法進行。',
    'The gradients of this run cannot be tabulated: {reason}.':
        '這次執行的梯度無法製成表格：{reason}。',
    'step −(ηᵗ/σᵗ)gᵗ':
        '一步 −(ηᵗ/σᵗ)gᵗ',
    'gradient descent, ηᵗ = {eta}/√(t+1)':
        '梯度下降，ηᵗ = {eta}/√(t+1)',
    'Adagrad, η = {eta}':
        'Adagrad，η = {eta}',
    'The same start θ⁰, two optimizers':
        '同一個起點 θ⁰，兩個最佳化器',
    "**Adagrad's learning rate at update t = {t}**, one per parameter:":
        '**Adagrad 在第 t = {t} 次更新的學習率**，每個參數一個：',
    '{p}: η{s}/σ{s}':
        '{p}：η{s}/σ{s}',
    'Gradient descent uses one learning rate, {rate}, for both.':
        '梯度下降對兩者使用同一個學習率 {rate}。',
    'GD: L after {n}':
        'GD：{n} 次後的 L',
    'Adagrad: L after {n}':
        'Adagrad：{n} 次後的 L',
    'Update t = {t} in numbers, one table per parameter':
        '第 t = {t} 次更新的數字，每個參數一張表',
    '⊙ multiplies entry by entry: θ₁ and θ₂ each get their own ηᵗ/σᵗ.':
        '⊙ 是逐元素相乘：θ₁ 與 θ₂ 各自有自己的 ηᵗ/σᵗ。',
    "Why the two green columns below are equal: the 1/t decay's √(t+1) cancels the one inside σᵗ.":
        '為什麼下面兩個綠色欄位相等：1/t 衰減的 √(t+1) 消掉了 σᵗ 裡的那一個。',
    'its gradients are small':
        '它的梯度小',
    'its gradients are large':
        '它的梯度大',
    'parameter {k}':
        '參數 {k}',
    '**{p}** ({kind}): w = {p}, gᵗ = ∂L/∂{p} at θᵗ':
        '**{p}**（{kind}）：w = {p}，gᵗ = 在 θᵗ 的 ∂L/∂{p}',
    "Check: the run recorded the factor {value} for {p} at update {t}; the table's ηᵗ/σᵗ is {table}.":
        '檢查：這次執行在第 {t} 次更新時記錄 {p} 的係數為 {value}；表格中的 ηᵗ/σᵗ 是 {table}。',
    'Rows 0 … {hidden} are not shown, but σᵗ and Σ(gⁱ)² add up all of g⁰ … gᵗ.':
        '第 0 … {hidden} 列沒有顯示，但 σᵗ 與 Σ(gⁱ)² 累加了全部的 g⁰ … gᵗ。',
    'Contradiction?':
        '矛盾？',
    '**Vanilla gradient descent**':
        '**一般的梯度下降**',
    '→ Larger gradient, larger step: :orange[**gᵗ**] multiplies ηᵗ.':
        '→ 梯度越大，步伐越大：:orange[**gᵗ**] 乘上 ηᵗ。',
    '**Adagrad**':
        '**Adagrad**',
    ('→ Larger gradient, larger step: :orange[**gᵗ**] is in the numerator.\n\n→ Larger gradient, smaller step: '
     ':blue[**√Σ(gⁱ)²**] is in the denominator.'):
        '→ 梯度越大，步伐越大：:orange[**gᵗ**] 在分子。\n\n→ 梯度越大，步伐越小：:blue[**√Σ(gⁱ)²**] 在分母。',
    'The numbers appear once the run in tab ① can be drawn.':
        '分頁 ① 的執行能畫出來之後，這裡就會出現數字。',
    ("At Adagrad's update **t = {t}** (choose t in tab ①), for each parameter, with the same η = {eta} and ηᵗ "
     '= η/√(t+1) for both rules:'):
        ('在 Adagrad 的第 **t = {t}** 次更新（在分頁 ① 選擇 t），對每個參數，兩條規則都用同一個 η = {eta} 與 '
         'ηᵗ = η/√(t+1)：'),
    'gᵗ (numerator)':
        'gᵗ（分子）',
    '√Σ(gⁱ)² (denominator)':
        '√Σ(gⁱ)²（分母）',
    'vanilla step −ηᵗgᵗ':
        '一般的一步 −ηᵗgᵗ',
    'Adagrad step −η gᵗ/√Σ(gⁱ)²':
        'Adagrad 的一步 −η gᵗ/√Σ(gⁱ)²',
    'parameter':
        '參數',
    'How far each parameter moves at update t = {t}':
        '每個參數在第 t = {t} 次更新時移動多遠',
    'vanilla gradient descent':
        '一般的梯度下降',
    '|step|':
        '|一步|',
    ('Vanilla gradient descent moves the parameter with the larger |gᵗ| further. Adagrad divides each gᵗ by '
     "that parameter's own √Σ(gⁱ)², which is large where the gradients have been large: at t = 0 every "
     'parameter moves by exactly η. Which effect wins later? Tab ③: it depends on how *surprising* gᵗ is next '
     'to the gradients before it.'):
        ('一般的梯度下降讓 |gᵗ| 較大的參數移動得更遠。Adagrad 把每個 gᵗ 除以該參數自己的 √Σ(gⁱ)²，'
         '而梯度一直很大的地方它也大：在 t = 0 時每個參數都剛好移動 η。之後哪個效果勝出？分頁 ③：取決於 gᵗ '
         '和之前的梯度比起來有多*意外*。'),
    'especially large (特別大)':
        '特別大',
    'especially small (特別小)':
        '特別小',
    'about as large as before':
        '和之前差不多大',
    'Gradients g⁰, g¹, … (numbers separated by commas)':
        '梯度 g⁰, g¹, …（以逗號分隔的數字）',
    'Type up to 12 numbers, e.g. 0.001, 0.001, 0.003, 0.002, 0.1':
        '最多輸入 12 個數字，例如 0.001, 0.001, 0.003, 0.002, 0.1',
    'Fix the numbers above to see this table.':
        '請修正上面的數字，才能看到這張表。',
    'These numbers cannot be used: {reason}.':
        '這些數字無法使用：{reason}。',
    'gᵗ/σᵗ':
        'gᵗ/σᵗ',
    'step':
        '一步',
    'g{s}/σ{s}':
        'g{s}/σ{s}',
    'step at t = {t}':
        't = {t} 的一步',
    'g{s} = {g} is **{word}** next to σ{s} = {sigma}, the root mean square of g⁰ … g{s}.':
        'g{s} = {g} 和 σ{s} = {sigma}（g⁰ … g{s} 的均方根）比起來**{word}**。',
    'Every gradient so far is 0: σᵗ = 0 and Adagrad does not move.':
        '到目前為止每個梯度都是 0：σᵗ = 0，Adagrad 不會移動。',
    '|gᵗ| beside σᵗ':
        '|gᵗ| 與 σᵗ 並列',
    'How surprising it is: 反差':
        '有多意外：反差',
    ("Adagrad's step is ηᵗ times **gᵗ/σᵗ**: the gradient measured against the root mean square of the "
     "gradients before it. Both of the lecture's sequences end with the same 0.1; after tiny gradients it is "
     'especially large (特別大), after large ones especially small (特別小). Edit the numbers to try your own. '
     "The step uses Adagrad's η = {eta} from the sidebar."):
        ('Adagrad 的一步是 ηᵗ 乘上 **gᵗ/σᵗ**：用之前梯度的均方根來衡量這次的梯度。課程裡的兩個序列都以同樣的 '
         '0.1 結尾；在很小的梯度之後它特別大，在很大的梯度之後它特別小。修改數字試試你自己的序列。'
         '這一步使用側邊欄中 Adagrad 的 η = {eta}。'),
    "First sequence (the lecture's: small gradients, then 0.1)":
        '第一個序列（課程中的：先是小梯度，然後 0.1）',
    "Second sequence (the lecture's: large gradients, then 0.1)":
        '第二個序列（課程中的：先是大梯度，然後 0.1）',
    ("On the elongated bowl θ₁'s gradients are small, so its σᵗ is small and its ηᵗ/σᵗ large; θ₂'s are large, "
     'so its ηᵗ/σᵗ is small. One η, but each parameter gets its own learning rate.'):
        ('在狹長的碗上，θ₁ 的梯度小，所以它的 σᵗ 小、ηᵗ/σᵗ 大；θ₂ 的梯度大，所以它的 ηᵗ/σᵗ 小。只有一個 η，'
         '但每個參數都有自己的學習率。'),
    ("Adagrad's first update moves every parameter by exactly η (g⁰/√(g⁰)² = ±1): it does not follow the "
     "gradient's direction, it moves diagonally."):
        'Adagrad 的第一次更新讓每個參數都剛好移動 η（g⁰/√(g⁰)² = ±1）：它不沿著梯度的方向，而是斜著走。',
    ('Gradient descent has one η for both: at 0.1 θ₁ crawls; at 0.45 θ₂ zigzags and θ₁ is still slow; above '
     '0.5 it diverges (2 / the steep curvature 4).'):
        ('梯度下降對兩者只有一個 η：0.1 時 θ₁ 慢慢爬；0.45 時 θ₂ 走之字形而 θ₁ 仍然很慢；超過 0.5 就發散（2 / '
         '陡峭方向的曲率 4）。'),
    ('The columns ηᵗ/σᵗ and η/√Σ(gⁱ)² agree at every t, and neither ever grows: Σ(gⁱ)² only adds up, so '
     "Adagrad's steps shrink over time."):
        ('ηᵗ/σᵗ 與 η/√Σ(gⁱ)² 兩欄在每個 t 都相同，而且都不會變大：Σ(gⁱ)² 只會累加，所以 Adagrad '
         '的步伐會隨時間縮小。'),
    ("With the lecture's sequences, the same gradient 0.1 gives a step about 400 times larger after small "
     'gradients than after large ones: Adagrad reacts to the contrast (反差) gᵗ/σᵗ, not to the size of gᵗ '
     'alone.'):
        ('用課程中的序列，同樣的梯度 0.1 在小梯度之後的一步，約是在大梯度之後的 400 倍：Adagrad 反應的是反差 '
         'gᵗ/σᵗ，而不只是 gᵗ 的大小。'),
    # --- lessons/4_best_step.py
    ('Larger gradient, larger step? The best step from x₀ to the minimum of y = ax² + bx + c is |first '
     'derivative| / second derivative, so compare first derivatives only within one parameter.'):
        ('梯度越大，步伐越大？從 x₀ 到 y = ax² + bx + c 最小值最好的一步是 |一次微分| / 二次微分，'
         '所以只能在同一個參數內比較一次微分。'),
    '① The best step':
        '① 最好的一步',
    '② Do not cross parameters':
        '② 不要跨參數比較',
    '③ First derivatives estimate the second':
        '③ 用一次微分估計二次微分',
    'a (> 0)':
        'a（> 0）',
    "The curvature: y'' = 2a.":
        "曲率：y'' = 2a。",
    'Start x₀':
        '起點 x₀',
    'best step {v}':
        '最好的一步 {v}',
    'gradient step {v}':
        '梯度的一步 {v}',
    'First derivative':
        '一次微分',
    '2ax₀ + b, the slope at x₀':
        '2ax₀ + b，x₀ 處的斜率',
    'Second derivative':
        '二次微分',
    '2a, the same everywhere on a parabola':
        '2a，在拋物線上處處相同',
    'Best step':
        '最好的一步',
    '|2ax₀ + b| / 2a, the distance from x₀ to −b/2a':
        '|2ax₀ + b| / 2a，從 x₀ 到 −b/2a 的距離',
    'Gradient step':
        '梯度的一步',
    'η|2ax₀ + b|, how far x¹ is from x₀':
        'η|2ax₀ + b|，x¹ 離 x₀ 多遠',
    'x₀ is already at the minimum: the first derivative is 0, and so is every step.':
        'x₀ 已經在最小值：一次微分是 0，每一步也都是 0。',
    'η = 1/2a: the gradient step is the best step, it lands on the minimum.':
        'η = 1/2a：梯度的一步就是最好的一步，正好落在最小值。',
    'The gradient step stops short of the minimum; η = 1/2a = {e} would land on it.':
        '梯度的一步停在最小值之前；η = 1/2a = {e} 才會正好落在上面。',
    'The gradient step jumps past the minimum; η = 1/2a = {e} would land on it.':
        '梯度的一步跳過了最小值；η = 1/2a = {e} 才會正好落在上面。',
    ('Red: the tangent at x₀, its slope is the first derivative. Green: the best step, straight to the minimum '
     '−b/2a. Blue: one gradient step with η = {eta}, from x₀ to x¹.'):
        ('紅色：x₀ 處的切線，斜率就是一次微分。綠色：最好的一步，直達最小值 −b/2a。藍色：η = {eta} '
         '的一次梯度更新，從 x₀ 到 x¹。'),
    'x¹ = {x1} is far off the plot.':
        'x¹ = {x1} 遠在圖外。',
    'Curvature of w₁: a₁':
        'w₁ 的曲率：a₁',
    'Curvature of w₂: a₂':
        'w₂ 的曲率：a₂',
    'w₁ slice: L = {f}':
        'w₁ 切面：L = {f}',
    'w₂ slice: L = {f}':
        'w₂ 切面：L = {f}',
    'first derivative':
        '一次微分',
    'Point':
        '點',
    'Distance':
        '距離',
    '|First|':
        '|一次|',
    'Second':
        '二次',
    'Distance to the minimum at 0':
        '到最小值 0 的距離',
    '|first derivative| = |2aw|':
        '|一次微分| = |2aw|',
    'second derivative = 2a':
        '二次微分 = 2a',
    '|first derivative| / second derivative':
        '|一次微分| / 二次微分',
    ("First, Second: the first and the second derivative of L along the point's own parameter. Best step = "
     '|First| / Second, the same as the distance.'):
        '一次、二次：L 沿著該點自己的參數的一次與二次微分。最好的一步 = |一次| / 二次，和距離相同。',
    'a is farther from its minimum than c ({da} > {dc}), yet its first derivative is smaller ({ga} < {gc}).':
        'a 離它的最小值比 c 遠（{da} > {dc}），但它的一次微分卻比較小（{ga} < {gc}）。',
    ('Here a has the larger first derivative too. Make w₂ sharper or w₁ flatter and the first derivatives stop '
     'telling the distances.'):
        '這裡 a 的一次微分也比較大。把 w₂ 調得更尖或把 w₁ 調得更平，一次微分就無法反映距離了。',
    ('Red: the tangent at each point, its slope is the first derivative. Green: the distance to the minimum, '
     'the best step. Both slices are drawn on the same scales.'):
        '紅色：每一點的切線，斜率就是一次微分。綠色：到最小值的距離，也就是最好的一步。兩個切面畫在相同的刻度上。',
    'Flat curve: a':
        '平緩的曲線：a',
    'Sharp curve: a':
        '尖銳的曲線：a',
    'Sample points':
        '取樣點',
    'Draw other points':
        '換一組點',
    'The seed of the random generator that picks the sample points x.':
        '挑選取樣點 x 的亂數產生器種子。',
    'flat: y = {f}':
        '平緩：y = {f}',
    'sharp: y = {f}':
        '尖銳：y = {f}',
    'First derivatives at the same points x':
        '同樣的點 x 上的一次微分',
    'Curve':
        '曲線',
    'the true second derivative':
        '真正的二次微分',
    'root sum of squares of the sampled first derivatives':
        '取樣一次微分的平方和開根號',
    ('The sharper curve has the larger √Σ(gⁱ)², in proportion to its second derivative (the last column is the '
     'same for both). Adagrad divides by it:'):
        '越尖銳的曲線 √Σ(gⁱ)² 越大，與它的二次微分成正比（最後一欄兩者相同）。Adagrad 就是除以它：',
    "|gⁱ| at each sample point: the same points, the sharp curve's always larger":
        '每個取樣點的 |gⁱ|：同樣的點，尖銳曲線的總是比較大',
    ('On one parabola the best step |2ax₀ + b| / 2a grows with the first derivative: within one parameter, a '
     'larger first derivative means farther from the minimum (a farther than b, c farther than d).'):
        ('在同一條拋物線上，最好的一步 |2ax₀ + b| / 2a 隨一次微分變大：在同一個參數內，'
         '一次微分越大代表離最小值越遠（a 比 b 遠，c 比 d 遠）。'),
    ('Across parameters it does not: a is farther from its minimum than c, but its first derivative is '
     'smaller, because w₁ is much flatter (smaller second derivative).'):
        '跨參數就不成立了：a 離它的最小值比 c 遠，但它的一次微分比較小，因為 w₁ 平緩得多（二次微分較小）。',
    ('A gradient step η|2ax₀ + b| ignores the second derivative: only η = 1/2a lands on the minimum, and that '
     'η is different for every curvature.'):
        '梯度的一步 η|2ax₀ + b| 忽略了二次微分：只有 η = 1/2a 會落在最小值上，而這個 η 對每種曲率都不同。',
    ('Adagrad divides by √Σ(gⁱ)², first derivatives it has already computed: on a sharper curve they are '
     'larger, so the root sum of squares stands in for the second derivative at no extra cost.'):
        ('Adagrad 除以 √Σ(gⁱ)²，也就是它已經算好的一次微分：曲線越尖銳它們越大，'
         '所以平方和開根號可以不花額外成本代替二次微分。'),
    # --- lessons/5_sgd.py
    ('The loss L is a sum over all training examples. Gradient descent updates after seeing all examples. '
     'Stochastic gradient descent picks an example xⁿ and updates for each one, with the loss of that example '
     'only, Lⁿ = (ŷⁿ − (b + w xⁿ))². With 20 examples it makes 20 updates while gradient descent makes one: '
     'faster!'):
        ('損失 L 是所有訓練樣本的總和。梯度下降看完所有樣本才更新一次。隨機梯度下降挑一個樣本 xⁿ，'
         '每個樣本都更新一次，只用該樣本的損失 Lⁿ = (ŷⁿ − (b + w xⁿ))²。有 20 個樣本時，它更新 20 次，'
         '梯度下降才更新一次：更快！'),
    'SGD':
        'SGD',
    'Mini-batch':
        '小批次',
    'One example back':
        '退回一個樣本',
    'One more example':
        '再多一個樣本',
    'Examples seen so far (= SGD updates)':
        '目前看過的樣本數（= SGD 更新次數）',
    'Data':
        '資料',
    'Number of examples n':
        '樣本數 n',
    'Examples of y = 1 + 2x + noise, with x around 1.':
        'y = 1 + 2x + 雜訊的樣本，x 在 1 附近。',
    'Data seed':
        '資料種子',
    'The same seed gives the same data.':
        '同樣的種子產生同樣的資料。',
    'Training':
        '訓練',
    'The same η for all three. L is a sum over the examples, so η must be small.':
        '三者使用同一個 η。L 是所有樣本的總和，所以 η 必須很小。',
    'Epochs (passes over all examples)':
        'Epoch 數（看過所有樣本幾輪）',
    'Mini-batch size m':
        '小批次大小 m',
    'Examples per mini-batch update. m = 1 is SGD, m = n is gradient descent.':
        '每次小批次更新用幾個樣本。m = 1 就是 SGD，m = n 就是梯度下降。',
    'Shuffle seed':
        '洗牌種子',
    'The order in which SGD and mini-batch visit the examples in each epoch. The same seed gives the same run.':
        'SGD 與小批次在每個 epoch 中走訪樣本的順序。同樣的種子得到同樣的執行結果。',
    'Start w⁰':
        '起點 w⁰',
    'Start b⁰':
        '起點 b⁰',
    ('Your file has two features. This lesson fits y = b + w x with one, so it uses the first column {name} '
     'only (the feature-scaling lesson uses both).'):
        '你的檔案有兩個特徵。這一課只用一個特徵擬合 y = b + w x，所以只用第一欄 {name}（特徵縮放那一課兩個都用）。',
    ('{n} examples of y = 1 + 2x + noise (data seed {seed}). The least-squares line is w* = {w}, b* = {b}, '
     'with L* = {loss}.'):
        '{n} 個 y = 1 + 2x + 雜訊的樣本（資料種子 {seed}）。最小平方直線是 w* = {w}、b* = {b}，L* = {loss}。',
    ('{method} diverged at update {t}: θ left ±1e8 or the loss stopped being a finite number. The plots keep '
     'the updates before it; try a smaller learning rate (gradient descent needs η < {limit} on these data).'):
        ('{method} 在第 {t} 次更新時發散：θ 超出了 ±1e8，或損失不再是有限的數值。圖中保留發散之前的更新；'
         '請試試較小的學習率（在這些資料上，梯度下降需要 η < {limit}）。'),
    ('{method}: the loss grew from {a} to {b}. The learning rate is too large for it (gradient descent needs η '
     '< {limit} on these data).'):
        '{method}：損失從 {a} 增加到 {b}。這個學習率對它來說太大了（在這些資料上，梯度下降需要 η < {limit}）。',
    '**Updates per epoch** (an epoch: all {n} examples seen once; m: examples per update)':
        '**每個 epoch 的更新次數**（一個 epoch：{n} 個樣本全部看過一次；m：每次更新用的樣本數）',
    'Gradient descent (m = {n})':
        '梯度下降（m = {n}）',
    'SGD (m = 1)':
        'SGD（m = 1）',
    'Mini-batch (m = {m})':
        '小批次（m = {m}）',
    'One update after seeing all {n} examples.':
        '看完全部 {n} 個樣本才更新一次。',
    'One update for each example: {n} per epoch.':
        '每個樣本更新一次：每個 epoch {n} 次。',
    'One update per batch of m = {m}: ⌈{n} / {m}⌉ per epoch (the last batch may be smaller).':
        '每批 m = {m} 個樣本更新一次：每個 epoch ⌈{n} / {m}⌉ 次（最後一批可能較小）。',
    'GD':
        'GD',
    'mini-batch m = {m}':
        '小批次 m = {m}',
    'mini-batch':
        '小批次',
    '**Pick an example xⁿ, update.** Step through the examples one by one.':
        '**挑一個樣本 xⁿ，更新。** 一個一個走過這些樣本。',
    'L(w, b) and the paths over {e} epochs':
        'L(w, b) 與 {e} 個 epoch 的路徑',
    'least squares':
        '最小平方',
    "SGD's update {u} used example n = {i}: x = {x}, ŷ = {y}.":
        'SGD 的第 {u} 次更新用了樣本 n = {i}：x = {x}，ŷ = {y}。',
    'Before any update: every run is at θ⁰.':
        '還沒有任何更新：每個執行都在 θ⁰。',
    'method':
        '方法',
    'updates':
        '更新次數',
    ('Updates made after {u} examples: gradient descent {g}, mini-batch {m}, SGD {s}. The big dots on the '
     'contours and the lines below show where each run is now.'):
        ('看過 {u} 個樣本後的更新次數：梯度下降 {g}，小批次 {m}，SGD {s}。'
         '等高線上的大圓點與下方的直線顯示每個執行目前的位置。'),
    'Loss against epochs':
        '損失對 epoch',
    'epochs (passes over all {n} examples)':
        'epoch（看過全部 {n} 個樣本幾輪）',
    ('Log scale. Dotted: L*, the least-squares loss, the lowest any line can reach. A line that leaves the '
     'top: that loss grew.'):
        '對數刻度。虛線：L*，最小平方的損失，任何直線能達到的最低值。超出上緣的線：那個損失變大了。',
    'The fitted lines after {u} examples':
        '看過 {u} 個樣本後擬合的直線',
    'examples':
        '樣本數',
    'examples per update':
        '每次更新的樣本數',
    'updates per epoch':
        '每個 epoch 的更新次數',
    'updates in {e} epochs':
        '{e} 個 epoch 的更新次數',
    'L after 1 epoch':
        '1 個 epoch 後的 L',
    'L after {e} epochs':
        '{e} 個 epoch 後的 L',
    ('Gradient descent on this L converges only for η < 2/λ_max = {gd} (λ_max: the largest curvature of L). L '
     "adds up the curvature of all n examples, one example's Lⁿ has only its own: every single SGD update is "
     'safe up to η = {one}, {ratio} times larger. That is why SGD can take the same η in n small steps where '
     'gradient descent takes one big one.'):
        ('在這個 L 上，梯度下降只有在 η < 2/λ_max = {gd} 時才收斂（λ_max：L 的最大曲率）。L 累加了全部 n '
         '個樣本的曲率，而單一樣本的 Lⁿ 只有它自己的：每一次 SGD 更新在 η 到 {one} 之前都是安全的，大了 '
         '{ratio} 倍。這就是為什麼 SGD 能用同樣的 η 走 n 小步，而梯度下降只走一大步。'),
    ('With {n} examples, SGD makes {n} updates per epoch and gradient descent one. Against epochs (the same '
     'examples seen) SGD is far ahead; against updates gradient descent has only made a few, each after seeing '
     'all {n} examples.'):
        ('有 {n} 個樣本時，SGD 每個 epoch 更新 {n} 次，梯度下降只更新一次。以 epoch（看過同樣的樣本）來比，SGD '
         '遙遙領先；以更新次數來比，梯度下降只更新了幾次，每次都要看完全部 {n} 個樣本。'),
    ("SGD's path is noisy: each update follows one example's Lⁿ, not L, so it zig-zags around the "
     'least-squares point and never quite settles with a constant η. Mini-batches average m examples: less '
     'noise, fewer updates.'):
        ('SGD 的路徑充滿雜訊：每次更新跟著一個樣本的 Lⁿ，而不是 L，所以它在最小平方點附近走之字形，用固定的 η '
         '永遠不會完全停下來。小批次平均 m 個樣本：雜訊較少，更新次數也較少。'),
    ('Change the shuffle seed: SGD and mini-batch visit the examples in another order and take another path; '
     'gradient descent, which always sees all of them, does not change.'):
        '換一個洗牌種子：SGD 與小批次會以另一種順序走訪樣本，走出另一條路徑；梯度下降每次都看全部樣本，所以不變。',
    ("Lower η to 0.005: with the same η, SGD's n small steps of an epoch add up to about one step of gradient "
     "descent, and gradient descent is even a little ahead per epoch. SGD's advantage here is that it stays "
     'stable at an η where gradient descent, on the sum L, overshoots.'):
        ('把 η 降到 0.005：同樣的 η 下，SGD 一個 epoch 的 n 小步加起來大約等於梯度下降的一步，而且以 epoch '
         '來算梯度下降還稍微領先。SGD 在這裡的優勢是：在梯度下降（對總和 L）會衝過頭的 η 下，它仍然穩定。'),
    'Set m = n and the mini-batch run is gradient descent; set m = 1 and it is SGD.':
        '設 m = n，小批次就是梯度下降；設 m = 1，它就是 SGD。',
    # --- lessons/6_feature_scaling.py
    ('In y = b + w₁x₁ + w₂x₂, when x₂ is much larger than x₁, a change in w₂ changes the loss much more than '
     'the same change in w₁: the contours of L are long thin ellipses, η must suit the steep w₂, and gradient '
     'descent crawls along w₁. Make different features have the same scaling, and the contours become round: '
     'gradient descent goes straight to the minimum.'):
        ('在 y = b + w₁x₁ + w₂x₂ 中，當 x₂ 比 x₁ 大很多時，w₂ 的改變對損失的影響遠大於 w₁ 同樣的改變：L '
         '的等高線是細長的橢圓，η 必須配合陡峭的 w₂，梯度下降沿著 w₁ 慢慢爬。讓不同的特徵有相同的尺度，'
         '等高線就會變圓：梯度下降直奔最小值。'),
    'within 10 %':
        '10 % 以內',
    'within 1 %':
        '1 % 以內',
    'within 0.1 %':
        '0.1 % 以內',
    "x₂'s scale: k times x₁'s":
        'x₂ 的尺度：x₁ 的 k 倍',
    ('x₁ is around 1, x₂ around k. The true line is y = 1 + 2x₁ − x₂/k + noise, so both features matter about '
     'as much.'):
        'x₁ 在 1 附近，x₂ 在 k 附近。真正的直線是 y = 1 + 2x₁ − x₂/k + 雜訊，所以兩個特徵差不多一樣重要。',
    'Number of examples':
        '樣本數',
    'η as a fraction of the largest stable η':
        'η 占最大穩定 η 的比例',
    ('Each side gets this fraction of its own 2/λ_max, the largest η for which gradient descent converges on '
     'it. Above 1 both diverge.'):
        '兩邊各自取自己的 2/λ_max（梯度下降在它上面收斂的最大 η）的這個比例。超過 1 兩邊都會發散。',
    'Target: L within … of L*':
        '目標：L 在 L* 的 … 以內',
    'Compare the runs':
        '比較兩次執行',
    'Where is each run after t updates?':
        't 次更新後，每個執行在哪裡？',
    'The big dots on both contours and the dashed line on the loss plot.':
        '兩張等高線圖上的大圓點，以及損失圖上的虛線。',
    '{n} examples with x₁ around 1 and x₂ around {k} (data seed {seed}).':
        '{n} 個樣本，x₁ 在 1 附近，x₂ 在 {k} 附近（資料種子 {seed}）。',
    'Your data: {n} rows.':
        '你的資料：{n} 列。',
    ('Both runs start from the same line y = 0 (w₁ = w₂ = b = 0), each with the same fraction, {f}, of its own '
     'largest stable η. **Target:** L {target} of the least-squares L* = {star}, that is L ≤ {value}.'):
        ('兩次執行都從同一條直線 y = 0（w₁ = w₂ = b = 0）出發，各自使用自己最大穩定 η 的同一比例 {f}。**目標：'
         '**L 在最小平方 L* = {star} 的 {target}，也就是 L ≤ {value}。'),
    'Before scaling':
        '縮放前',
    'After scaling':
        '縮放後',
    ('{side}: diverged at update {t}. η is above the largest stable rate 2/λ_max, so the steepest direction '
     'overshoots more at every update.'):
        '{side}：在第 {t} 次更新時發散。η 超過了最大穩定學習率 2/λ_max，所以最陡的方向每次更新都衝得更過頭。',
    'more than {n}':
        '超過 {n}',
    'η = {f} × 2/λ_max':
        'η = {f} × 2/λ_max',
    '{f} × 2/λ_max = {f} × {lim}: λ_max is the largest eigenvalue of the Hessian 2AᵀA, A = [X, 1].':
        '{f} × 2/λ_max = {f} × {lim}：λ_max 是海森矩陣 2AᵀA 的最大特徵值，A = [X, 1]。',
    'updates to target':
        '達到目標的更新次數',
    'The first t with L(θᵗ) ≤ {value} (L {target} of L*).':
        '第一個使 L(θᵗ) ≤ {value} 的 t（L 在 L* 的 {target}）。',
    'gradient descent':
        '梯度下降',
    '{side}: L over ({a}, {b})':
        '{side}：L 對 ({a}, {b})',
    'reached the target':
        '達到目標',
    ('Contours of L with b at its best value for each (w₁, w₂), b = mean(ŷ − w₁x₁ − w₂x₂): the lowest L over '
     'b. Both axes at the same scale. The path is (w₁, w₂) of every θᵗ; the ring marks the first update within '
     'the target. After scaling the weights are w′ᵢ = wᵢσᵢ, the same lines in new units.'):
        ('L 的等高線，其中 b 取每個 (w₁, w₂) 下的最佳值 b = mean(ŷ − w₁x₁ − w₂x₂)：對 b 取最低的 L。'
         '兩軸使用相同刻度。路徑是每個 θᵗ 的 (w₁, w₂)；圓環標出第一次達到目標的更新。縮放後的權重是 w′ᵢ = '
         'wᵢσᵢ，是同樣的直線換了單位。'),
    'target':
        '目標',
    'number of parameter updates t':
        '參數更新次數 t',
    'Log scale. Dotted: the target. Dots: the first update within it. Dashed: the update t chosen above.':
        '對數刻度。點線：目標。圓點：第一次達到目標的更新。虛線：上面選擇的更新 t。',
    'After t = {t} updates: L = **{raw}** before scaling, **{scaled}** after scaling (L* = {star}).':
        't = {t} 次更新後：縮放前 L = **{raw}**，縮放後 **{scaled}**（L* = {star}）。',
    'The features before and after':
        '縮放前後的特徵',
    'Before: x₁ and x₂ as measured':
        '縮放前：量測到的 x₁ 與 x₂',
    'After: (xᵢ − mᵢ) / σᵢ':
        '縮放後：(xᵢ − mᵢ) / σᵢ',
    'For each dimension i, over the examples r = 1 … R:':
        '對每個維度 i，對樣本 r = 1 … R：',
    'feature':
        '特徵',
    'mean after':
        '縮放後的平均',
    'std after':
        '縮放後的標準差',
    ('After scaling, the means of all dimensions are 0 and the variances are all 1 (np.std uses 1/R, as on the '
     'slide).'):
        '縮放後，所有維度的平均都是 0，變異數都是 1（np.std 用 1/R，和投影片上一樣）。',
    ('Before scaling, the largest stable η is set by the steep direction (the weight of the larger feature), '
     'so the flat direction crawls: {raw} updates against {scaled} after scaling, at the same fraction of each '
     "side's largest stable η."):
        ('縮放前，最大穩定 η 由陡峭的方向（較大特徵的權重）決定，所以平緩的方向慢慢爬：在兩邊都取各自最大穩定 '
         'η 的同一比例下，縮放前要 {raw} 次更新，縮放後只要 {scaled} 次。'),
    ('Raise k: the raw contours get thinner and the raw run slower, while the scaled side does not change at '
     'all: standardized features do not remember their original scale.'):
        ('把 k 調大：原始的等高線變得更細，原始的執行更慢，而縮放後的那一邊完全不變：'
         '標準化後的特徵不記得原本的尺度。'),
    ("Even with features of the same size scaling helps a little (try k = 1): the features' means are not 0, "
     'which couples w and b and stretches the contours too. Subtracting mᵢ removes that.'):
        ('即使特徵大小相同，縮放也有一點幫助（試試 k = 1）：特徵的平均不是 0，這會讓 w 與 b 互相牽連，'
         '也會拉長等高線。減去 mᵢ 就消除了這一點。'),
    'Scaling changes the coordinates, not the model: both sides reach the same least-squares line and the same L*.':
        '縮放改變的是座標，不是模型：兩邊都得到同一條最小平方直線和同樣的 L*。',
    # --- lessons/7_theory.py
    ('Each update should lower the loss. Is that always true? Near a point, L is almost a plane (Taylor), and '
     "the plane's lowest point in a small red circle is a gradient-descent step."):
        ('每次更新都應該讓損失變小。一定如此嗎？在一個點附近，L 幾乎是一個平面（泰勒），'
         '而這個平面在一個小紅色圓圈內的最低點，就是梯度下降的一步。'),
    'Question and Taylor series':
        '問題與泰勒級數',
    'Tangent plane':
        '切平面',
    'Red circle':
        '紅色圓圈',
    "Newton's method":
        '牛頓法',
    'Taylor series':
        '泰勒級數',
    'The function h(x)':
        '函數 h(x)',
    "sin x (the slide's example)":
        'sin x（投影片上的例子）',
    'Type a function of x…':
        '輸入一個 x 的函數…',
    'Your function of x':
        '你的 x 的函數',
    'Use x, numbers, + - * / ^, parentheses, pi, e and sin cos tan exp log sqrt tanh abs.':
        '可使用 x、數字、+ - * / ^、括號、pi、e，以及 sin cos tan exp log sqrt tanh abs。',
    'Around x₀ (a number, or e.g. pi/4)':
        '在 x₀ 附近（一個數字，或例如 pi/4）',
    'Order of the polynomial':
        '多項式的次數',
    'How many derivatives of h at x₀ the polynomial uses.':
        '多項式用到 h 在 x₀ 的幾階微分。',
    'Plot window x₀ ±':
        '繪圖範圍 x₀ ±',
    'The loss and the point (a, b)':
        '損失與點 (a, b)',
    'Radius d of the red circle':
        '紅色圓圈的半徑 d',
    'The step stays inside this circle around (a, b): the learning rate is η = d/‖∇L‖.':
        '這一步留在 (a, b) 周圍的這個圓圈內：學習率是 η = d/‖∇L‖。',
    'Fix the formula in the sidebar to see this part.':
        '請在側邊欄修正公式，才能看到這一部分。',
    'This point (a, b) cannot be used: {reason}.':
        '這個點 (a, b) 無法使用：{reason}。',
    'How to find the smallest value near a point? **Taylor series**: near x₀, h(x) ≈ h(x₀) + h′(x₀)(x − x₀).':
        '怎麼找到一個點附近的最小值？**泰勒級數**：在 x₀ 附近，h(x) ≈ h(x₀) + h′(x₀)(x − x₀)。',
    'This function cannot be used: {reason}.':
        '這個函數無法使用：{reason}。',
    'The Taylor series around this x₀ cannot be drawn: {reason}.':
        '無法畫出在這個 x₀ 附近的泰勒級數：{reason}。',
    '{name} and its Taylor polynomial of order {k}':
        '{name} 與它的 {k} 次泰勒多項式',
    'order {k} around x₀ = {x0}':
        '在 x₀ = {x0} 附近的 {k} 次',
    ('Grey: h(x). Orange: the polynomial up to (x − x₀) to the power {k}. Near x₀ even order 1, a straight '
     'line, is close; each higher order hugs h over a wider stretch.'):
        ('灰色：h(x)。橘色：到 (x − x₀) 的 {k} 次方為止的多項式。在 x₀ 附近，連 1 次（一條直線）都很接近；'
         '次數越高，貼合 h 的範圍越寬。'),
    'All the coefficients h⁽ᵏ⁾(x₀)/k!':
        '所有係數 h⁽ᵏ⁾(x₀)/k!',
    'exact':
        '精確值',
    'value':
        '值',
    'With two parameters: **when θ is close to (a, b)**, the loss is close to a plane.':
        '兩個參數時：**當 θ 接近 (a, b)**，損失就接近一個平面。',
    'The loss and its tangent plane at (a, b)':
        '損失與它在 (a, b) 的切平面',
    'tangent plane':
        '切平面',
    '**Here**, at (a, b) = ({a}, {b}):':
        '**這裡**，在 (a, b) = ({a}, {b})：',
    's = L(a, b)':
        's = L(a, b)',
    'u = ∂L/∂θ₁ at (a, b)':
        'u = 在 (a, b) 的 ∂L/∂θ₁',
    'v = ∂L/∂θ₂ at (a, b)':
        'v = 在 (a, b) 的 ∂L/∂θ₂',
    ('Orange: the plane s + u(θ₁ − a) + v(θ₂ − b). It touches the surface at (a, b) and leaves it as you move '
     'away. Drag the figure to turn it.'):
        '橘色：平面 s + u(θ₁ − a) + v(θ₂ − b)。它在 (a, b) 與曲面相切，離得越遠就分得越開。拖曳圖形可以旋轉。',
    'The red circle, d = {d}':
        '紅色圓圈，d = {d}',
    'red circle':
        '紅色圓圈',
    'η = d / ‖∇L‖':
        'η = d / ‖∇L‖',
    'The plane promises':
        '平面承諾的',
    's − d‖∇L‖: the plane at θ':
        's − d‖∇L‖：平面在 θ 的值',
    'True L(θ)':
        '真正的 L(θ)',
    '∇L(a, b) = 0: the plane is flat, no direction is better than another. Pick another point.':
        '∇L(a, b) = 0：平面是平的，沒有哪個方向比較好。換一個點。',
    'd = 0: no room to move, θ = (a, b). Make d larger.':
        'd = 0：沒有移動的空間，θ = (a, b)。把 d 調大。',
    'The loss went down: the circle is small enough.':
        '損失下降了：圓圈夠小。',
    'The loss went down, but less than with a smaller circle: past d ≈ {v} the true loss turns up again.':
        '損失下降了，但比用更小的圓圈時少：d ≈ {v} 之後，真正的損失又會回升。',
    'The circle is too large: the true loss went **up**, although the plane promised a decrease.':
        '圓圈太大了：雖然平面承諾會下降，真正的損失卻**上升**了。',
    'The change of the loss as the circle grows':
        '圓圈變大時損失的變化',
    'radius d of the red circle':
        '紅色圓圈的半徑 d',
    'true loss':
        '真正的損失',
    'what the plane promises, −d‖∇L‖':
        '平面承諾的 −d‖∇L‖',
    'd now':
        '目前的 d',
    'turns up at d ≈ {v}':
        '在 d ≈ {v} 回升',
    'no decrease past d ≈ {v}':
        'd ≈ {v} 之後不再下降',
    ("Top: the red circle (θ₁ − a)² + (θ₂ − b)² ≤ d² and the step to the plane's lowest point in it, θ (blue). "
     'Bottom: the loss change L(θ) − L(a, b) for every radius d: the plane promises a straight line down '
     '(grey); the true loss (blue) follows it only while d is small, turns up, and past the red dashed line '
     'the step makes the loss larger.'):
        ('上：紅色圓圈 (θ₁ − a)² + (θ₂ − b)² ≤ d²，以及走到平面在圈內最低點 θ 的一步（藍色）。下：每個半徑 d '
         '的損失變化 L(θ) − L(a, b)：平面承諾的是一條往下的直線（灰色）；真正的損失（藍色）只在 d '
         '小的時候跟著它，然後回升，過了紅色虛線之後，這一步會讓損失變大。'),
    ("Newton's point is the minimum of the model: it walks downhill, in one step to the bottom of the bowl the "
     'model sees.'):
        '牛頓法的點是模型的最小值：它往下坡走，一步走到模型所見的碗底。',
    "Newton's point is a maximum of the model: it walks uphill.":
        '牛頓法的點是模型的最大值：它往上坡走。',
    "Newton's point is a saddle of the model: it heads for a saddle point, not for a minimum.":
        '牛頓法的點是模型的鞍點：它朝鞍點前進，而不是朝最小值。',
    ("The model is flat in some direction (its Hessian is singular): Newton's step uses only the directions in "
     'which it curves.'):
        '模型在某個方向是平的（它的海森矩陣是奇異的）：牛頓法的一步只用它有彎曲的方向。',
    "Newton's step beside the gradient step":
        '牛頓法的一步與梯度的一步並列',
    'gradient step':
        '梯度的一步',
    'Newton':
        '牛頓法',
    "Newton's point ({x}, {y}) is outside the plot.":
        '牛頓法的點 ({x}, {y}) 在圖外。',
    '**Try:**':
        '**試試看：**',
    'A bowl':
        '一個碗',
    'Near a saddle':
        '鞍點附近',
    'Far out on a plateau':
        '平坦區的遠處',
    'Near a hilltop':
        '山頂附近',
    'Along its step the model goes up: it walks uphill.':
        '沿著這一步，模型往上：它往上坡走。',
    'Along its step the model goes down, towards the saddle.':
        '沿著這一步，模型往下，朝向鞍點。',
    "L at the red circle's point, d = {d}":
        '紅色圓圈上那一點的 L，d = {d}',
    "L at Newton's point":
        '牛頓法的點的 L',
    ("Newton's point is (a, b) itself: the gradient is zero in every direction in which the model curves, so "
     "Newton's step does not move."):
        '牛頓法的點就是 (a, b) 本身：在模型有彎曲的每個方向上梯度都是零，所以牛頓法的一步不會移動。',
    "The loss and the quadratic model along Newton's step":
        '沿著牛頓法的一步，損失與二次模型',
    'distance from (a, b)':
        '與 (a, b) 的距離',
    'loss L':
        '損失 L',
    'quadratic model':
        '二次模型',
    ("Blue: the gradient step to the edge of the red circle. Black: Newton's step to the point where the "
     'gradient of the quadratic model s + ∇Lᵀ(θ − (a, b)) + ½(θ − (a, b))ᵀH(θ − (a, b)) is zero, H the Hessian '
     "at (a, b). Below: the loss (grey) and that model (orange) along Newton's step."):
        ('藍色：走到紅色圓圈邊緣的梯度的一步。黑色：牛頓法的一步，走到二次模型 s + ∇Lᵀ(θ − (a, b)) + ½(θ − (a, '
         'b))ᵀH(θ − (a, b)) 的梯度為零的點，H 是 (a, b) 的海森矩陣。下：沿著牛頓法的一步，'
         '損失（灰色）與該模型（橘色）。'),
    'Back to the question':
        '回到問題',
    ('Is L(θ⁰) > L(θ¹) > L(θ²) > … always true? **No: only if the red circle, that is the learning rate, is '
     'small enough.** The step θ = (a, b) − η∇L is the best point of the plane, and the plane is only close to '
     "L near (a, b). Newton's method trusts a better model farther, but it heads for any point where that "
     'model is flat: a saddle or a maximum just as well as a minimum.'):
        ('L(θ⁰) > L(θ¹) > L(θ²) > … 一定成立嗎？**不：只有紅色圓圈（也就是學習率）夠小時才成立。** 這一步 θ = '
         '(a, b) − η∇L 是平面上最好的點，而平面只在 (a, b) 附近接近 L。牛頓法信任一個更好的模型、走得更遠，'
         '但它會朝任何讓模型平坦的點前進：鞍點或最大值，和最小值一樣。'),
    ('The order-1 Taylor polynomial is the tangent line: close to x₀ it is almost h, far away it can be '
     'anything. Each higher order hugs h over a wider stretch.'):
        '1 次泰勒多項式就是切線：在 x₀ 附近它幾乎就是 h，離遠了就可能完全不同。次數越高，貼合 h 的範圍越寬。',
    ('The lowest point of the plane inside the red circle lies against the gradient: θ = (a, b) − d∇L/‖∇L‖, '
     'gradient descent with η = d/‖∇L‖. A larger circle is a larger learning rate.'):
        ('平面在紅色圓圈內的最低點位於梯度的反方向：θ = (a, b) − d∇L/‖∇L‖，也就是 η = d/‖∇L‖ 的梯度下降。'
         '圓圈越大，學習率越大。'),
    ('The plane always promises a decrease of d‖∇L‖; the true loss follows it for small d, turns up, and past '
     'the dashed red line the step makes the loss larger than before.'):
        '平面永遠承諾下降 d‖∇L‖；真正的損失在 d 小時跟著它，然後回升，過了紅色虛線之後，這一步會讓損失比之前更大。',
    ("Newton's step lands on the minimum of a convex quadratic in one step, but near a saddle it heads for the "
     'saddle, and where the loss curves downwards it climbs to a maximum of its model.'):
        ('牛頓法在凸二次函數上一步就落在最小值，但在鞍點附近它會朝鞍點走，而在損失往下彎的地方，'
         '它會爬向模型的最大值。'),
    # --- lessons/8_limitations.py
    ('Gradient descent stops wherever ∂L/∂w ≈ 0, and that is not only at the global minimum. The lecture names '
     'three such places: it is **very slow at a plateau**, **stuck at a saddle point**, and **stuck at a local '
     'minimum**. This loss has all three: start gradient descent at several points and see where each run '
     'stops.'):
        ('梯度下降會停在任何 ∂L/∂w ≈ 0 的地方，而那不只是全域最小值。課程指出三種這樣的地方：'
         '**在平坦區非常慢**、**卡在鞍點**、**卡在局部最小值**。這個損失三者都有：從幾個點開始梯度下降，'
         '看每個執行停在哪裡。'),
    'on the plateau':
        '在平坦區上',
    'towards the saddle point':
        '朝向鞍點',
    'into the local minimum':
        '進入局部最小值',
    'to the global minimum':
        '到全域最小值',
    'saddle point':
        '鞍點',
    'local minimum':
        '局部最小值',
    'global minimum':
        '全域最小值',
    'a minimum: curves up in every direction':
        '最小值：在每個方向都往上彎',
    'a saddle point: curves down in one direction':
        '鞍點：在某個方向往下彎',
    'a maximum':
        '最大值',
    'flat in some direction':
        '在某個方向是平的',
    'my own point…':
        '我自己的點…',
    '— not shown —':
        '— 不顯示 —',
    'Named starts: {points}. Or type your own point.':
        '有名稱的起點：{points}。或輸入你自己的點。',
    'Start points θ⁰':
        '起點 θ⁰',
    'Start {i}':
        '起點 {i}',
    'my point':
        '我的點',
    ' since update {t}':
        '（自第 {t} 次更新起）',
    'very slow at the plateau: ∂L/∂w ≈ 0{since}':
        '在平坦區非常慢：∂L/∂w ≈ 0{since}',
    'stuck at a saddle point: ∂L/∂w ≈ 0{since}':
        '卡在鞍點：∂L/∂w ≈ 0{since}',
    'stuck at a local minimum: ∂L/∂w ≈ 0{since}':
        '卡在局部最小值：∂L/∂w ≈ 0{since}',
    'the global minimum: ∂L/∂w ≈ 0{since}':
        '全域最小值：∂L/∂w ≈ 0{since}',
    'still moving: ‖∇L‖ is above 10⁻³{since}':
        '仍在移動：‖∇L‖ 大於 10⁻³{since}',
    'diverged at update {t}{since}':
        '在第 {t} 次更新時發散{since}',
    'Choose at least one start point in the sidebar.':
        '請在側邊欄至少選擇一個起點。',
    ('Start {name} diverged at update {t}: θ left ±1e+08 or L stopped being a finite number. Try a smaller '
     'learning rate.'):
        '起點 {name} 在第 {t} 次更新時發散：θ 超出了 ±1e+08，或 L 不再是有限的數值。請試試較小的學習率。',
    'The paths on the loss contours':
        '損失等高線上的路徑',
    'Gradient descent, η = {eta}, {n} updates from each start':
        '梯度下降，η = {eta}，從每個起點更新 {n} 次',
    'plateau: ‖∇L‖ < 10⁻³':
        '平坦區：‖∇L‖ < 10⁻³',
    ("Open circles: the starts θ⁰. Stars: the two minima. ✕: the saddle point. The plateau's L ≈ 2 is the "
     'darkest blue; the lightest is the global minimum, L = 0.'):
        '空心圓：起點 θ⁰。星號：兩個最小值。✕：鞍點。平坦區的 L ≈ 2 是最深的藍色；最淺的是全域最小值，L = 0。',
    '∂L/∂w ≈ 0':
        '∂L/∂w ≈ 0',
    '‖∇L(θᵗ)‖ along each path':
        '沿著每條路徑的 ‖∇L(θᵗ)‖',
    'update t':
        '更新 t',
    'plateau ≈ 2':
        '平坦區 ≈ 2',
    'L(θᵗ) along each path':
        '沿著每條路徑的 L(θᵗ)',
    ('Same colours as the map. Left: below the dashed line, ∂L/∂w ≈ 0 and the updates barely move θ (values '
     'under 10⁻¹⁶ are round-off and drawn at the bottom). Right: each run flattens at the loss of the place '
     'where it stopped.'):
        ('顏色與地圖相同。左：在虛線以下，∂L/∂w ≈ 0，更新幾乎移動不了 θ（小於 10⁻¹⁶ 的值是捨入誤差，'
         '畫在底部）。右：每個執行都在它停下的地方的損失值變平。'),
    'Where each run stopped':
        '每個執行停在哪裡',
    'Where it stopped':
        '停在哪裡',
    'θ after the last update':
        '最後一次更新後的 θ',
    'Nearest critical point':
        '最近的臨界點',
    '{kind} {at}, {d} away':
        '{kind} {at}，距離 {d}',
    ('∂L/∂w ≈ 0 (‖∇L‖ ≤ 10⁻³) at the plateau, at the saddle point and at the local minimum, just as at the '
     'global minimum; only the global minimum has L = {low}.'):
        '在平坦區、鞍點與局部最小值，∂L/∂w ≈ 0（‖∇L‖ ≤ 10⁻³），就和全域最小值一樣；只有全域最小值的 L = {low}。',
    'The loss, and why these are a saddle point and minima':
        '損失，以及為什麼這些是鞍點和最小值',
    ('At each point below ∇L = 0. The Hessian (the second derivatives) tells them apart: at a minimum L curves '
     'up in every direction (both eigenvalues positive); at a saddle point it curves down in one direction '
     '(one negative eigenvalue), so a small push off the line θ₂ = 0 rolls away.'):
        ('下面每個點的 ∇L = 0。海森矩陣（二次微分）可以區分它們：在最小值，L '
         '在每個方向都往上彎（兩個特徵值都是正的）；在鞍點，它在某個方向往下彎（有一個負的特徵值），所以從直線 '
         'θ₂ = 0 輕輕推一下就會滾走。'),
    'Hessian eigenvalues':
        '海森矩陣的特徵值',
    'The Hessian says':
        '海森矩陣說',
    ('The plateau start barely moves: ‖∇L‖ ≈ 2·10⁻⁴ there, and each update moves θ by η‖∇L‖. Set η = 0.8 and '
     '3000 updates: it crawls for about 1500 updates, then drops into the local minimum within 60 more.'):
        ('平坦區的起點幾乎不動：那裡 ‖∇L‖ ≈ 2·10⁻⁴，而每次更新讓 θ 移動 η‖∇L‖。設 η = 0.8、更新 3000 次：'
         '它慢慢爬了大約 1500 次更新，然後在接下來的 60 次內掉進局部最小值。'),
    ('On the line θ₂ = 0, ∂L/∂θ₂ is exactly 0, so gradient descent never leaves it and stops at the saddle '
     'point with L = 1. Pick “my own point” and start at (−2.5, 0.000001): it slows down at the saddle point '
     '(‖∇L‖ dips below 10⁻³), then escapes downhill into the local minimum.'):
        ('在直線 θ₂ = 0 上，∂L/∂θ₂ 恰好是 0，所以梯度下降永遠離不開它，停在 L = 1 的鞍點。'
         '選「我自己的點…」並從 (−2.5, 0.000001) 出發：它在鞍點附近慢下來（‖∇L‖ 降到 10⁻³ 以下），'
         '然後往下坡逃進局部最小值。'),
    ('At all three, ∂L/∂w ≈ 0: the size of the gradient alone cannot tell a plateau, a saddle point or a local '
     'minimum from the global minimum. Only L does, and we do not know the lowest L in advance.'):
        ('在這三個地方 ∂L/∂w ≈ 0：光看梯度的大小，無法分辨平坦區、鞍點或局部最小值和全域最小值。只有 L 可以，'
         '而我們事先並不知道最低的 L 是多少。'),
    # --- lessons/9_beyond.py
    'Momentum, RMSProp and Adam':
        '動量、RMSProp 與 Adam',
    ("Gradient descent moves by η times this update's gradient gᵗ. **Momentum** adds up past gradients: it "
     "keeps moving and swings past the valley floor. **Adagrad** and **RMSProp** divide each parameter's step "
     "by the size of its past gradients, like the lecture's σᵗ; **Adam** does both. Same loss, same start: "
     'race them.'):
        ('梯度下降每次移動 η 乘上這次更新的梯度 gᵗ。**動量**累加過去的梯度：它會持續移動，甩過谷底。'
         '**Adagrad** 與 **RMSProp** 把每個參數的一步除以它過去梯度的大小，就像課程中的 σᵗ；**Adam** 兩者都做。'
         '同樣的損失、同樣的起點：讓它們比賽。'),
    ("Momentum's first update is exactly gradient descent's (v⁰ = g⁰). After that it carries speed: from θ⁰ = "
     '(0, 2.5) on Rosenbrock it shoots past the valley floor down to θ₂ ≈ −1.8, swings back, curves along the '
     'valley, and is the only one to reach L ≤ 0.001 within 1000 updates.'):
        ('動量的第一次更新和梯度下降完全相同（v⁰ = g⁰）。之後它帶著速度：在 Rosenbrock 上從 θ⁰ = (0, 2.5) '
         '出發，它衝過谷底到 θ₂ ≈ −1.8，擺回來，沿著山谷轉彎，而且是唯一在 1000 次更新內達到 L ≤ 0.001 的。'),
    ("Adam's first update is (0.05, −0.05), η along each parameter, although g⁰ = (−2, 500): its steps are set "
     "by η, not by the size of the gradient. Gradient descent's first update, −ηg⁰ = (0.002, −0.5), goes "
     'almost straight down.'):
        ('Adam 的第一次更新是 (0.05, −0.05)，每個參數移動 η，雖然 g⁰ = (−2, 500)：它的步伐由 η 決定，'
         '而不是梯度的大小。梯度下降的第一次更新 −ηg⁰ = (0.002, −0.5) 幾乎是直直往下。'),
    ("Set β = 0 for momentum: its path lies exactly on gradient descent's. Raise gradient descent's η to 0.01: "
     'it diverges at update 6, while Adam with η = 1 does not, because it divides by the size of the gradient.'):
        ('把動量的 β 設為 0：它的路徑和梯度下降完全重合。把梯度下降的 η 調到 0.01：它在第 6 次更新時發散，而 η '
         '= 1 的 Adam 不會，因為它除以了梯度的大小。'),
    # app.py: presenter mode
    "Presenter mode": "簡報模式",
    "Larger type and figures for a projector. The link keeps it: ?present=1.":
        "投影用的較大字體與圖表。連結會保留這個設定：?present=1。",
    "The lecture's point": "這一段講義的重點",
    # ui.py: chart data downloads
    "Data of this chart (CSV)": "這張圖的資料（CSV）",
    "series": "序列",
    "point": "點",
    "This table (CSV)": "這張表格（CSV）",
    # gd_core: its errors' message templates, shown through ui.reason (a value quoted in 「」 or “” that is
    # not a number or plain words is shown as a code span in place of the quotes)
    'race_result takes a single run, not a batch':
        'race_result 只接受單一次執行，不接受批次',
    '{name} must be a whole number from {low} to {high}, got {value}':
        '{name} 必須是 {low} 到 {high} 之間的整數，收到的是 {value}',
    'scales must have one or two entries':
        'scales 必須有一或兩個值',
    'scales must be finite numbers > 0, got {value}':
        'scales 必須都是大於 0 的有限值，收到的是 {value}',
    '{name} must be a finite number >= 0, got {value}':
        '{name} 必須是大於或等於 0 的有限值，收到的是 {value}',
    'w must have {d} entries, one per feature':
        'w 必須有 {d} 個值，每個特徵一個',
    '{name} must be a whole number >= {low}, got {value}':
        '{name} 必須是大於或等於 {low} 的整數，收到的是 {value}',
    'theta0 must have {n} finite entries (w..., b)':
        'theta0 必須有 {n} 個有限值（w..., b）',
    'too many updates (epochs × updates per epoch must be at most {limit})':
        '更新次數太多（epoch 數 × 每個 epoch 的更新次數最多 {limit}）',
    "feature '{name}' has the same value in every row, so it cannot be scaled (σ = 0)":
        '特徵「{name}」每一列的值都相同，所以無法縮放（σ = 0）',
    'cannot open the file: {detail}':
        '無法開啟檔案：{detail}',
    'the file is too large ({size} MB; at most {limit} MB)':
        '檔案太大（{size} MB；最多 {limit} MB）',
    'the upload could not be read as a file':
        '上傳的內容無法當作檔案讀取',
    'give a path, bytes or a file object':
        '請提供路徑、位元組或檔案物件',
    'the file is too large (more than {limit} MB)':
        '檔案太大（超過 {limit} MB）',
    "line {line}, column '{column}': the value is missing":
        '第 {line} 行，「{column}」欄：缺少數值',
    "line {line}, column '{column}': '{value}' is not a number":
        '第 {line} 行，「{column}」欄：「{value}」不是數字',
    "line {line}, column '{column}': '{value}' is not a finite number":
        '第 {line} 行，「{column}」欄：「{value}」不是有限值',
    "line {line}, column '{column}': {value} is too large (at most {limit})":
        '第 {line} 行，「{column}」欄：{value} 太大（絕對值最多 {limit}）',
    'the file is empty':
        '檔案是空的',
    'this is a binary file, not a CSV text file':
        '這是二進位檔案，不是 CSV 文字檔',
    'the file is not UTF-8 text (a bad byte at position {position})':
        '檔案不是 UTF-8 文字（位置 {position} 有無效的位元組）',
    'the file is not valid CSV: {detail}':
        '檔案不是有效的 CSV：{detail}',
    'no feature column: the file needs one or two feature columns and the target as the last column':
        '沒有特徵欄：檔案需要一或兩個特徵欄，最後一欄是目標',
    '{n} columns found: use one or two feature columns and the target as the last column':
        '找到 {n} 欄：請使用一或兩個特徵欄，最後一欄是目標',
    'the file has a header but no data rows':
        '檔案有標題列，但沒有資料列',
    'the file has {n} data rows; at most {limit} are allowed':
        '檔案有 {n} 列資料；最多只能有 {limit} 列',
    'line {line} has {n} values, but the header has {width} columns':
        '第 {line} 行有 {n} 個值，但標題列有 {width} 欄',
    'only one data row: at least 2 are needed to fit a line':
        '只有一列資料：至少需要 2 列才能擬合一條直線',
    "feature '{name}' has the same value in every row: it cannot be used or scaled":
        '特徵「{name}」每一列的值都相同：無法使用，也無法縮放',
    "'.' (attribute access) is not allowed in a formula":
        '公式中不能使用「.」（屬性存取）',
    "'[ ]' (indexing) is not allowed in a formula":
        '公式中不能使用「[ ]」（索引）',
    "'lambda' is not allowed in a formula":
        '公式中不能使用「lambda」',
    'comparisons (<, >, ==) are not allowed: type a formula, not a condition':
        '不能使用比較（<、>、==）：請輸入公式，而不是條件',
    "'and'/'or' are not allowed in a formula":
        '公式中不能使用「and」或「or」',
    "'if ... else' is not allowed in a formula":
        '公式中不能使用「if ... else」',
    'assignments are not allowed: type only the right-hand side, e.g. {example}':
        '不能賦值：只要輸入等號右邊的式子，例如 {example}',
    'list comprehensions are not allowed in a formula':
        '公式中不能使用串列生成式（list comprehension）',
    'set comprehensions are not allowed in a formula':
        '公式中不能使用集合生成式（set comprehension）',
    'dict comprehensions are not allowed in a formula':
        '公式中不能使用字典生成式（dict comprehension）',
    'generator expressions are not allowed in a formula':
        '公式中不能使用產生器運算式（generator expression）',
    'lists are not allowed in a formula':
        '公式中不能使用串列',
    'tuples (commas) are not allowed in a formula':
        '公式中不能使用元組（逗號）',
    'sets are not allowed in a formula':
        '公式中不能使用集合',
    'dictionaries are not allowed in a formula':
        '公式中不能使用字典',
    'strings are not allowed in a formula':
        '公式中不能使用字串',
    "'*' unpacking is not allowed in a formula":
        '公式中不能用「*」展開（unpacking）',
    "'await' is not allowed in a formula":
        '公式中不能使用「await」',
    "'yield' is not allowed in a formula":
        '公式中不能使用「yield」',
    'slices are not allowed in a formula':
        '公式中不能使用切片',
    'a part of the formula is not a finite number (division by zero?)':
        '公式的某一部分不是有限值（除以零了嗎？）',
    '{call} is not a finite number (division by zero?)':
        '{call} 不是有限值（除以零了嗎？）',
    'a part of the formula is not a real number (square root or log of a negative?)':
        '公式的某一部分不是實數（對負數開根號或取對數了嗎？）',
    '{call} is not a real number (square root or log of a negative?)':
        '{call} 不是實數（對負數開根號或取對數了嗎？）',
    'a part of the formula could not be evaluated':
        '公式的某一部分無法計算',
    '{call} could not be evaluated':
        '{call} 無法計算',
    'a part of the formula is too large (numbers up to {limit} are allowed)':
        '公式的某一部分太大（數值最多到 {limit}）',
    '{call} is too large (numbers up to {limit} are allowed)':
        '{call} 太大（數值最多到 {limit}）',
    'the formula is too long (at most {n} terms)':
        '公式太長（最多 {n} 項）',
    'the formula is nested too deeply (at most {n} levels)':
        '公式的巢狀層次太深（最多 {n} 層）',
    "only '-' and '+' may stand before a term":
        '一項的前面只能放「-」或「+」',
    "'{syntax}' is not allowed in a formula":
        '公式中不能使用「{syntax}」',
    "'{value}' is not a number":
        '「{value}」不是數字',
    'text in quotes is not a formula: type it without quotes':
        '引號中的文字不是公式：請不要加引號',
    'complex numbers (like 2j) are not allowed':
        '不能使用複數（例如 2j）',
    'the number {value} is too large (up to {limit} is allowed)':
        '數字 {value} 太大（最多到 {limit}）',
    'a number in the formula is too large (up to {limit} is allowed)':
        '公式中有數字太大（最多到 {limit}）',
    "'{name}' is a function: write {call}":
        '「{name}」是函數：請寫成 {call}',
    "unknown name '{name}': type a number, such as 0.5 or pi/4":
        '不認得的名稱「{name}」：請輸入數字，例如 0.5 或 pi/4',
    "unknown name '{name}': use {variable}":
        '不認得的名稱「{name}」：請使用 {variable}',
    "unknown name '{name}': use {variables} and {last}":
        '不認得的名稱「{name}」：請使用 {variables} 與 {last}',
    "the operator '{symbol}' is not allowed: use + - * / and ^":
        '不能使用運算子「{symbol}」：請使用 + - * / 與 ^',
    'the exponent is too large (at most {n})':
        '指數太大（最多 {n}）',
    'division by zero':
        '除以零',
    'only the functions sin cos tan exp log sqrt tanh abs may be called':
        '只能呼叫這些函數：sin cos tan exp log sqrt tanh abs',
    "unknown function '{name}': use one of {functions}":
        '不認得的函數「{name}」：請使用 {functions} 其中之一',
    '{name} takes exactly one argument, as in {call}':
        '{name} 只接受一個引數，例如 {call}',
    'the formula must be text':
        '公式必須是文字',
    'the formula is empty: type one, e.g. x^2 + y^2':
        '公式是空的：請輸入一個，例如 x^2 + y^2',
    'the formula is too long (at most {n} characters)':
        '公式太長（最多 {n} 個字元）',
    'the formula contains characters that cannot be typed':
        '公式含有無法用鍵盤輸入的字元',
    "type only the formula, without '=' (e.g. x^2 + y^2, not L = x^2 + y^2)":
        '只要輸入公式，不要加「=」（例如 x^2 + y^2，而不是 L = x^2 + y^2）',
    'could not read the formula near character {position}: write {fix}, not {typed}':
        '無法解析公式（在第 {position} 個字元附近）：請寫成 {fix}，而不是 {typed}',
    'could not read the formula: write {fix}, not {typed}':
        '無法解析公式：請寫成 {fix}，而不是 {typed}',
    'could not read the formula near character {position}':
        '無法解析公式（在第 {position} 個字元附近）',
    'could not read the formula':
        '無法解析公式',
    'the formula is nested too deeply':
        '公式的巢狀層次太深',
    'the formula is not finite (division by zero?)':
        '公式不是有限值（除以零了嗎？）',
    'the formula is not real (square root or log of a negative?)':
        '公式不是實數（對負數開根號或取對數了嗎？）',
    'the plot window must be finite with min < max on both axes':
        '繪圖範圍必須是有限值，而且兩個軸都要 min < max',
    'the plot window must be finite with min < max':
        '繪圖範圍必須是有限值，而且 min < max',
    '{name} must be a number or a 1-D array, got shape {shape}':
        '{name} 必須是一個數字或一維陣列，收到的形狀是 {shape}',
    '{name} must be in {interval}, got {value}':
        '{name} 必須在 {interval} 之內，收到的是 {value}',
    'newton handles two parameters (a 2 × 2 Hessian), got a Hessian of shape {shape}':
        'newton 處理兩個參數（2 × 2 的海森矩陣），收到的海森矩陣形狀是 {shape}',
    'newton needs the Hessian: pass hessian=loss.hessian(theta)':
        'newton 需要海森矩陣：請傳入 hessian=loss.hessian(theta)',
    '{name} must be finite with min < max, got {value}':
        '{name} 必須是有限值，而且 min < max，收到的是 {value}',
    '{name} must be a finite number > 0, got {value}':
        '{name} 必須是大於 0 的有限值，收到的是 {value}',
    'ds must be a list of 2 to {n} radii':
        'ds 必須是由 2 到 {n} 個半徑組成的清單',
    'every radius d must be a finite number >= 0':
        '每個半徑 d 都必須是大於或等於 0 的有限值',
    'the radii must increase':
        '半徑必須遞增',
    'theta0 must have shape (2,) or (B, 2), got {shape}':
        'theta0 的形狀必須是 (2,) 或 (B, 2)，收到的是 {shape}',
    'run_each takes one start point of shape (2,), got {shape}':
        'run_each 只接受一個形狀為 (2,) 的起點，收到的是 {shape}',
    'theta0 must be finite':
        'theta0 必須是有限值',
    '{name} must be a whole number, got {value}':
        '{name} 必須是整數，收到的是 {value}',
    'steps must be between 0 and {limit}, got {value}':
        'steps 必須介於 0 到 {limit} 之間，收到的是 {value}',
    '{name} has {n} values: give theta0 of shape ({n}, 2)':
        '{name} 有 {n} 個值：請給形狀為 ({n}, 2) 的 theta0',
    '{name} has {n} values but theta0 has {rows} rows':
        '{name} 有 {n} 個值，但 theta0 有 {rows} 列',
    '{optimizer} needs a loss with a Hessian':
        '{optimizer} 需要有海森矩陣的損失函數',
    'the loss is not finite at the start point: choose another start instead of ({x}, {y})':
        '損失函數在起點 ({x}, {y}) 不是有限值：請換一個起點',
    'feature scaling compares two features x₁ and x₂; the data has {n} feature column':
        '特徵縮放比較的是兩個特徵 x₁ 與 x₂；這份資料有 {n} 個特徵欄',
    'feature scaling compares two features x₁ and x₂; the data has {n} feature columns':
        '特徵縮放比較的是兩個特徵 x₁ 與 x₂；這份資料有 {n} 個特徵欄',
    'the features are too large or too small to pick a learning rate':
        '特徵太大或太小，無法選出學習率',
    'the data has no feature column':
        '資料沒有特徵欄',
    'this lesson fits y = b + w x with one feature; the data has {n} (use first_feature)':
        '這一課用一個特徵擬合 y = b + w x；這份資料有 {n} 個（請用 first_feature）',
    'n and batch_size must be >= 1 and examples >= 0':
        'n 與 batch_size 必須 >= 1，examples 必須 >= 0',
    '{name} must be a finite number, got {value}':
        '{name} 必須是有限值，收到的是 {value}',
    'the first derivative does not exist at x0 = {x0} (a corner): choose another point':
        '一次微分在 x0 = {x0} 不存在（尖角）：請換一個點',
    'the second derivative does not exist at x0 = {x0} (a corner): choose another point':
        '二次微分在 x0 = {x0} 不存在（尖角）：請換一個點',
    'the third derivative does not exist at x0 = {x0} (a corner): choose another point':
        '三次微分在 x0 = {x0} 不存在（尖角）：請換一個點',
    'the {k}th derivative does not exist at x0 = {x0} (a corner): choose another point':
        '{k} 次微分在 x0 = {x0} 不存在（尖角）：請換一個點',
    'the function is not finite at x0 = {x0}: choose another point':
        '函數在 x0 = {x0} 不是有限值：請換一個點',
    'the first derivative is not finite at x0 = {x0}: choose another point':
        '一次微分在 x0 = {x0} 不是有限值：請換一個點',
    'the second derivative is not finite at x0 = {x0}: choose another point':
        '二次微分在 x0 = {x0} 不是有限值：請換一個點',
    'the third derivative is not finite at x0 = {x0}: choose another point':
        '三次微分在 x0 = {x0} 不是有限值：請換一個點',
    'the {k}th derivative is not finite at x0 = {x0}: choose another point':
        '{k} 次微分在 x0 = {x0} 不是有限值：請換一個點',
    'the loss or its gradient is not finite at (a, b): choose another point':
        '損失函數或它的梯度在 (a, b) 不是有限值：請換一個點',
    'the radius d must be a finite number >= 0, got {value}':
        '半徑 d 必須是大於或等於 0 的有限值，收到的是 {value}',
    'the loss or its derivatives are not finite at (a, b): choose another point':
        '損失函數或它的微分在 (a, b) 不是有限值：請換一個點',
    'the Hessian is not finite at that point':
        '海森矩陣在那個點不是有限值',
    'the gradients must be a non-empty list of numbers':
        '梯度必須是一串數字，不能是空的',
    'at most {n} gradients':
        '最多 {n} 個梯度',
    'every gradient must be a finite number':
        '每個梯度都必須是有限值',
    'a must be > 0 so that the parabola has a minimum, got {value}':
        'a 必須大於 0，拋物線才有最小值，收到的是 {value}',
    'the first derivatives must be finite numbers':
        '一次微分必須都是有限值',
    'x_range must have min < max':
        'x_range 必須 min < max',
    'eta must be > 0, got {value}':
        'eta 必須大於 0，收到的是 {value}',
    'low must be smaller than high':
        'low 必須小於 high',
    'every sample point must be a finite number':
        '每個取樣點都必須是有限值',
    ('‖∇L‖ = {g} is too small for η = d / ‖∇L‖ to be a number: the step is written with the unit direction '
     '∇L / ‖∇L‖ instead.'):
        '‖∇L‖ = {g} 太小，η = d / ‖∇L‖ 無法成為一個數：這一步改用單位方向 ∇L / ‖∇L‖ 來寫。',
}
