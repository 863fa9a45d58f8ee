"""简体中文 (mainland China): the English text the app passes to ``tr`` → its translation.

Mainland usage (数据, 程序, 文件, 默认, 链接, 优化器, 一阶导数); the lecture's symbols stay as they are.
Grouped by the file that first uses a string. ``python scripts/i18n_strings.py --missing`` lists what is missing;
tests/test_i18n.py checks that every string is here with the same ``{placeholders}``.
"""

TABLE: dict[str, str] = {
    # --- app.py
    'Gradient descent, step by step':
        '梯度下降，一步一步来',
    'Start':
        '开始',
    'Home: the lecture map':
        '首页：课程地图',
    'Review':
        '复习',
    'Tip 1: learning rates':
        '技巧 1：学习率',
    'Tune your learning rate':
        '调整你的学习率',
    'Adagrad':
        'Adagrad',
    'The best step':
        '最好的一步',
    'Tips 2 and 3':
        '技巧 2 和 3',
    'Stochastic gradient descent':
        '随机梯度下降',
    'Feature scaling':
        '特征缩放',
    'Theory and limits':
        '理论与局限',
    'Why it works, and when it does not':
        '为什么有效，以及何时无效',
    'More limitations':
        '更多局限',
    'Beyond the lecture':
        '课程之外',
    'Momentum, RMSProp, Adam':
        '动量、RMSProp、Adam',
    'Playground':
        '自由实验场',
    'Language':
        '语言',
    "The link's value for **{label}** (`{raw}`) cannot be used here, so the default **{default}** is shown.":
        '链接中 **{label}** 的值（`{raw}`）在这里无法使用，因此显示默认值 **{default}**。',
    # --- ui.py
    '{value} is not a number: type numbers separated by commas.':
        '{value} 不是数字：请输入以逗号分隔的数字。',
    'Type at least one number.':
        '请至少输入一个数字。',
    'At most {n} numbers.':
        '最多 {n} 个数字。',
    'Every number must be finite and at most 1e6 in size.':
        '每个数字都必须是有限值，且绝对值不超过 1e6。',
    'Every number must be 0 or at least 1e-100 in size.':
        '每个数字都必须是 0，或绝对值至少 1e-100。',
    'Learning rate η':
        '学习率 η',
    'How far each update moves against the gradient.':
        '每次更新沿着梯度的反方向走多远。',
    'minimum':
        '最小值',
    'saddle':
        '鞍点',
    'Round bowl':
        '圆碗',
    'Elongated bowl':
        '狭长的碗',
    'Rosenbrock valley':
        'Rosenbrock 山谷',
    'Himmelblau (four minima)':
        'Himmelblau（四个最小值）',
    'Saddle point':
        '鞍点',
    'Plateau':
        '平坦区',
    'Local and global minimum':
        '局部最小值与全局最小值',
    'Parabola L = x²':
        '抛物线 L = x²',
    'Wide parabola L = 0.25x²':
        '宽抛物线 L = 0.25x²',
    'Steep walls L = 0.05x⁴ + 0.5x²':
        '陡峭的墙 L = 0.05x⁴ + 0.5x²',
    'Type a formula…':
        '输入公式…',
    'Loss L(θ₁, θ₂)':
        '损失 L(θ₁, θ₂)',
    'Your formula in x = θ₁ and y = θ₂':
        '你的公式，x = θ₁、y = θ₂',
    'Use x and y, numbers, + - * / ^, parentheses, pi, e and sin cos tan exp log sqrt tanh abs.':
        '可使用 x 和 y、数字、+ - * / ^、括号、pi、e，以及 sin cos tan exp log sqrt tanh abs。',
    'Plot window ±':
        '绘图范围 ±',
    'The contour shows −r ≤ x ≤ r and −r ≤ y ≤ r.':
        '等高线图显示 −r ≤ x ≤ r 和 −r ≤ y ≤ r。',
    'This formula cannot be used: {reason}.':
        '这个公式无法使用：{reason}。',
    'Previous update':
        '上一次更新',
    'Next update':
        '下一次更新',
    'Only one update.':
        '只有一次更新。',
    'Update t (from θᵗ to θᵗ⁺¹)':
        '第 t 次更新（从 θᵗ 到 θᵗ⁺¹）',
    'not finite':
        '非有限值',
    ('{what}Diverged at update {t}: θ left ±{bound} or the loss stopped being a finite number. The plot keeps '
     'the updates before it; try a smaller learning rate.'):
        ('{what}在第 {t} 次更新时发散：θ 超出了 ±{bound}，或损失不再是有限的数值。图中保留发散之前的更新；'
         '请试试较小的学习率。'),
    'Your own data (CSV, at most {mb} MB and {rows} rows)':
        '你自己的数据（CSV，最多 {mb} MB、{rows} 行）',
    'One or two feature columns, then the target y as the last column. A header row is optional.':
        '一或两个特征列，最后一列是目标 y。表头行可有可无。',
    'This file cannot be used: {reason}. The built-in data is shown instead.':
        '这个文件无法使用：{reason}。改为显示内置数据。',
    'This lesson needs {want} feature column(s); the file has {have}. The built-in data is shown instead.':
        '这一课需要 {want} 个特征列；文件有 {have} 个。改为显示内置数据。',
    'Using {name}: {n} rows, features {features}, target {target}. An uploaded file is not part of the link.':
        '使用 {name}：{n} 行，特征 {features}，目标 {target}。上传的文件不包含在链接中。',
    'Gradient descent':
        '梯度下降',
    'Momentum':
        '动量',
    'RMSProp':
        'RMSProp',
    'Adam':
        'Adam',
    'Number of updates':
        '更新次数',
    'Target loss':
        '目标损失',
    'The table counts the updates each optimizer needs to reach L ≤ this.':
        '表格统计每个优化器要更新几次才能达到 L ≤ 此值。',
    'Loss on a log scale':
        '损失使用对数刻度',
    'Only losses above 0 can be drawn on a log scale.':
        '对数刻度上只能画出大于 0 的损失。',
    'Optimizers':
        '优化器',
    'The hyperparameters of each (ε = 10⁻⁸ in Adagrad, RMSProp and Adam, fixed):':
        '各自的超参数（Adagrad、RMSProp 和 Adam 的 ε = 10⁻⁸，固定）：',
    'η, the learning rate':
        'η，学习率',
    'How much of the past gradients each update keeps. β = 0 is gradient descent.':
        '每次更新保留多少过去的梯度。β = 0 就是梯度下降。',
    'How much of (σᵗ⁻¹)² each update keeps: closer to 1 remembers longer.':
        '每次更新保留多少 (σᵗ⁻¹)²：越接近 1，记得越久。',
    "Momentum's share: how much of the past gradients m keeps.":
        '动量的比例：m 保留多少过去的梯度。',
    "RMSProp's share: how much of the past squared gradients v keeps.":
        'RMSProp 的比例：v 保留多少过去梯度的平方。',
    'Fix the formula in the sidebar to start the race.':
        '请在侧边栏修正公式，才能开始比赛。',
    'Switch on at least one optimizer in the sidebar.':
        '请在侧边栏至少打开一个优化器。',
    'This start point cannot be used: {reason}.':
        '这个起点无法使用：{reason}。',
    'The paths from θ⁰':
        '从 θ⁰ 出发的路径',
    'Contour':
        '等高线图',
    '3-D surface':
        '3D 曲面',
    'The loss surface and the paths':
        '损失曲面与路径',
    'target {value}':
        '目标 {value}',
    'Loss against updates':
        '损失随更新次数的变化',
    'number of parameter updates':
        '参数更新次数',
    'The race in numbers':
        '比赛结果的数字',
    'Hyperparameters':
        '超参数',
    'Final L':
        '最终 L',
    'Updates to reach L ≤ {target}':
        '达到 L ≤ {target} 所需的更新次数',
    'Diverged at update':
        '发散于第几次更新',
    'First update θ¹ − θ⁰':
        '第一次更新 θ¹ − θ⁰',
    'not reached':
        '未达到',
    ('Final L is the loss after the last update (before the divergence, for a run that diverged). The first '
     'update shows the difference at once: gradient descent and momentum move by −η g⁰, Adam by about η along '
     'each parameter, whatever the size of g⁰.'):
        ('最终 L 是最后一次更新后的损失（发散的运行则是发散之前的）。第一次更新就看得出差别：'
         '梯度下降和动量移动 −η g⁰，Adam 则在每个参数上移动约 η，不管 g⁰ 有多大。'),
    'The update rules':
        '更新规则',
    ('gᵗ = ∇L(θᵗ); the rules written with w act on each parameter (θ₁ and θ₂) separately, with gᵗ its own '
     'derivative. t counts from 0, and every running quantity starts at 0.'):
        ('gᵗ = ∇L(θᵗ)；用 w 写的规则分别作用在每个参数（θ₁ 和 θ₂）上，gᵗ 是该参数自己的导数。t 从 0 开始计数，'
         '每个累计量都从 0 开始。'),
    "(the settings are the defaults: the page's own link)":
        '（设置都是默认值：就是这一页本身的链接）',
    'Copy this link with the icon at its right: it opens exactly this setting.':
        '用右侧的图标复制这个链接：它会打开完全相同的设置。',
    'What to notice':
        '注意看',
    # --- lessons/0_home.py
    ('An interactive companion to the lecture on gradient descent. Each page follows one part of the lecture, '
     'in its notation; every control is kept in the link, so a link opens exactly the setting you shared.'):
        ('梯度下降课程的交互式辅助工具。每一页对应课程的一部分，沿用课程的符号；每个控件都保存在链接里，'
         '所以链接会打开你分享时的设置。'),
    'Start at θ⁰, compute the gradient, move to θ¹ = θ⁰ − η∇L(θ⁰), and again: every number filled in.':
        '从 θ⁰ 出发，计算梯度，移到 θ¹ = θ⁰ − η∇L(θ⁰)，再重复：每个数字都填好了。',
    'Tip 1: tuning your learning rates':
        '技巧 1：调整学习率',
    'Very large, large, small, just right: the paths and the loss against the number of updates; 1/t decay.':
        '特别大、大、小、刚刚好：路径，以及损失随更新次数的变化；1/t 衰减。',
    ("Divide each parameter's learning rate by the root mean square of its past derivatives; the contradiction "
     'and the surprise.'):
        '把每个参数的学习率除以它过去导数的均方根；矛盾与反差。',
    'The best step is |first derivative| / second derivative, and why you should not compare across parameters.':
        '最好的一步是 |一阶导数| / 二阶导数，以及为什么不该跨参数比较。',
    'Tip 2: stochastic gradient descent':
        '技巧 2：随机梯度下降',
    'Update after every example instead of after all of them: with 20 examples, 20 updates per epoch.':
        '每看到一个样本就更新一次，而不是看完全部才更新：20 个样本，每个 epoch 更新 20 次。',
    'Tip 3: feature scaling':
        '技巧 3：特征缩放',
    ('Make different features have the same scaling: the contours become round and gradient descent goes '
     'straight to the minimum.'):
        '让不同的特征有相同的尺度：等高线变圆，梯度下降直奔最小值。',
    'Theory':
        '理论',
    "Taylor series, the red circle whose best point is the gradient-descent step, and Newton's method.":
        '泰勒级数、红色圆圈（圈内最好的点就是梯度下降的一步），以及牛顿法。',
    'More limitations of gradient descent':
        '梯度下降的更多局限',
    'Very slow at a plateau, stuck at a saddle point, stuck at a local minimum.':
        '在平坦区非常慢、卡在鞍点、卡在局部最小值。',
    'The optimizers that came after: raced on one loss from one start.':
        '之后出现的优化器：在同一个损失上、从同一个起点比赛。',
    'Any loss you can type, any optimizers, and a link to exactly that setting.':
        '任何你能输入的损失、任何优化器，以及一个正好打开该设置的链接。',
    # --- lessons/10_playground.py
    ('Type any loss in x = θ₁ and y = θ₂ (or pick one), choose the optimizers, their hyperparameters and the '
     'start, and watch. Everything you set is in the link below, ready to share.'):
        ('输入任何以 x = θ₁、y = θ₂ 表示的损失（或挑一个），选择优化器、它们的超参数和起点，然后观察。'
         '你设置的一切都在下方的链接里，随时可以分享。'),
    'The loss':
        '损失',
    'The optimizers':
        '优化器',
    '**Its gradient**':
        '**它的梯度**',
    '**Its Hessian** (the second derivatives)':
        '**它的黑塞矩阵**（二阶导数）',
    'Here x stands for θ₁ and y for θ₂.':
        '这里 x 代表 θ₁，y 代表 θ₂。',
    'Share this setting':
        '分享这个设置',
    'Every optimizer starts from the same θ⁰ with the same loss: differences come from the update rules alone.':
        '每个优化器都从同一个 θ⁰、在同一个损失上出发：差别只来自更新规则。',
    ('Try a loss with several minima (the Himmelblau preset): where each optimizer ends depends on its path, '
     'not only on the start.'):
        '试试有好几个最小值的损失（Himmelblau 预设）：每个优化器停在哪里取决于它的路径，而不只是起点。',
    'A link with a formula opens that formula: send your students a loss to explore.':
        '带有公式的链接会打开那个公式：把一个损失发给你的学生去探索。',
    # --- lessons/1_step_by_step.py
    ('Start at θ⁰. Compute the gradient ∇L(θ⁰): it points uphill, at right angles to the contour line. Move '
     'the other way, θ¹ = θ⁰ − η∇L(θ⁰). Compute the gradient at θ¹, move to θ² = θ¹ − η∇L(θ¹), and so on.'):
        ('从 θ⁰ 出发。计算梯度 ∇L(θ⁰)：它指向上坡，与等高线垂直。往反方向移动，θ¹ = θ⁰ − η∇L(θ⁰)。在 θ¹ '
         '计算梯度，移到 θ² = θ¹ − η∇L(θ¹)，依此类推。'),
    'Settings':
        '设置',
    'Fix the formula in the sidebar to see gradient descent on it.':
        '请在侧边栏修正公式，才能看到梯度下降在它上面的表现。',
    'No update could be taken from this start point.':
        '从这个起点无法进行任何更新。',
    'gradient descent, η = {eta}':
        '梯度下降，η = {eta}',
    'Step by step':
        '一步一步',
    '▶ Play':
        '▶ 播放',
    'Loss contours and the path':
        '损失的等高线与路径',
    'gradient ∇L(θᵗ)':
        '梯度 ∇L(θᵗ)',
    'movement −η∇L(θᵗ)':
        '移动 −η∇L(θᵗ)',
    ('Red: the gradient ∇L(θᵗ) at each θᵗ, drawn at one fixed length; it points uphill, at right angles to the '
     'contour line through θᵗ. Blue arrow: the selected update\'s movement −η∇L(θᵗ), from θᵗ to θᵗ⁺¹, the '
     'other way. Star: the minimum. One unit is as long on both axes, so these right angles are right angles '
     'on screen.'):
        ('红色：每个 θᵗ 上的梯度 ∇L(θᵗ)，以同一固定长度画出；它指向上坡，与通过 θᵗ 的等高线垂直。蓝色箭头：选定那次'
         '更新的移动 −η∇L(θᵗ)，从 θᵗ 到 θᵗ⁺¹，方向相反。星号：最小值。'
         '两轴的一个单位一样长，所以画面上的直角就是真正的直角。'),
    'Speed':
        '速度',
    'Slow':
        '慢',
    'Normal':
        '正常',
    'Fast':
        '快',
    'Press ▶ to watch the updates':
        '按 ▶ 观看每次更新',
    'Play':
        '播放',
    'Pause':
        '暂停',
    'Under the plot: the update on screen, t, θᵗ and L(θᵗ). Drag the slider to go to one.':
        '图下方：画面上的这次更新，t、θᵗ 与 L(θᵗ)。拖动滑块可跳到任一次。',
    'The loss surface and the path':
        '损失曲面与路径',
    'Update t = {t}':
        '第 t = {t} 次更新',
    'The middle vector is ∇L(θᵗ) = [∂L/∂θ₁, ∂L/∂θ₂] evaluated at θᵗ.':
        '中间的向量是在 θᵗ 处求值的 ∇L(θᵗ) = [∂L/∂θ₁, ∂L/∂θ₂]。',
    'L(θᵗ), before':
        'L(θᵗ)，更新前',
    'L(θᵗ⁺¹), after':
        'L(θᵗ⁺¹)，更新后',
    '**The gradient of this loss**':
        '**这个损失的梯度**',
    ('Each red arrow is at right angles to the contour line through its point: the gradient is the direction '
     'in which L grows fastest, and we move the opposite way, −∇L.'):
        '每个红色箭头都与通过该点的等高线垂直：梯度是 L 增加最快的方向，而我们往相反方向 −∇L 移动。',
    ('On the elongated bowl the gradient does not point at the minimum: θ₂ (steep) settles within a few '
     'updates while θ₁ (flat) crawls.'):
        '在狭长的碗上，梯度并不指向最小值：θ₂（陡）几次更新就稳定下来，θ₁（平）却慢慢爬。',
    ('Raise η past 0.5 on the elongated bowl and θ₂ overshoots further each time until the run diverges: 0.5 = '
     '2 / (the largest curvature, 4).'):
        '在狭长的碗上把 η 调到超过 0.5，θ₂ 每次都冲得更远，直到发散：0.5 = 2 /（最大的曲率 4）。',
    # --- lessons/2_learning_rate.py
    'Tip 1: tune your learning rate':
        '技巧 1：调整你的学习率',
    ('Set the learning rate η carefully. Very large: the loss blows up. Large: it bounces and gets stuck. '
     'Small: it goes down, but very slowly. Just right: it gets there. With more than three parameters you '
     'cannot draw the path, but you can always draw the loss against the number of parameter updates.'):
        ('小心设置学习率 η。特别大：损失爆掉。大：来回弹跳、卡住。小：会下降，但非常慢。刚刚好：顺利到达。'
         '超过三个参数时画不出路径，但你总是可以画出损失随参数更新次数变化的图。'),
    'Very large':
        '特别大',
    'Large':
        '大',
    'Small':
        '小',
    'Just right':
        '刚刚好',
    'Loss L(θ)':
        '损失 L(θ)',
    'Start θ⁰':
        '起点 θ⁰',
    '1/t decay: ηᵗ = η / √(t+1)':
        '1/t 衰减：ηᵗ = η / √(t+1)',
    'Start with a larger learning rate and reduce it as the updates go on.':
        '一开始用较大的学习率，随着更新进行逐渐减小。',
    'The four learning rates':
        '四种学习率',
    '{role} (η = {eta}) diverged at update {t}: the loss left every scale.':
        '{role}（η = {eta}）在第 {t} 次更新时发散：损失超出了所有刻度。',
    'The paths on the loss curve':
        '损失曲线上的路径',
    'Loss against the number of updates':
        '损失随更新次数的变化',
    'Lines that leave the top of the right-hand plot are losses that grew: the learning rate is too large.':
        '超出右图上缘的线代表损失变大了：学习率太大。',
    '2 / L″(θ*) = {value}':
        '2 / L″(θ*) = {value}',
    'Loss after {n} updates, for every η':
        '每个 η 在 {n} 次更新后的损失',
    'final loss':
        '最终损失',
    'diverged':
        '发散',
    ('On a quadratic, gradient descent with a constant η converges exactly when η < 2 / L″ = **{value}** (L″ '
     'is the second derivative at the minimum).'):
        '在二次函数上，固定 η 的梯度下降恰好在 η < 2 / L″ = **{value}** 时收敛（L″ 是最小值处的二阶导数）。',
    'The learning rate ηᵗ of each update':
        '每次更新的学习率 ηᵗ',
    'The loss-against-updates plot works for any number of parameters: look at it first when tuning η.':
        '“损失随更新次数变化”的图不管有多少参数都能画：调 η 时先看它。',
    ("Past 2 / L″ every update overshoots the minimum by more than it started from: the sweep's loss shoots up "
     'right there.'):
        '超过 2 / L″ 之后，每次更新越过最小值的距离都比出发时还远：扫描图上的损失正好在那里暴增。',
    ('Turn on 1/t decay: the very large rate becomes tame after a few updates, because ηᵗ shrinks; but the '
     'small rate becomes even slower.'):
        '打开 1/t 衰减：特别大的学习率在几次更新后就变温和了，因为 ηᵗ 会缩小；但小的学习率会变得更慢。',
    # --- lessons/3_adagrad.py
    'Adagrad: each parameter its own learning rate':
        'Adagrad：每个参数有自己的学习率',
    ('A learning rate cannot be one-size-fits-all. Adagrad divides the learning rate of each parameter by the '
     '**root mean square of its previous derivatives**, σᵗ. With the 1/t decay ηᵗ = η/√(t+1) the √(t+1) '
     'cancels, and each parameter w steps by η/√Σ(gⁱ)² times its gradient gᵗ.'):
        ('学习率不能一刀切。Adagrad 把每个参数的学习率除以**它过去导数的均方根** σᵗ。搭配 1/t 衰减 ηᵗ = '
         'η/√(t+1) 时，√(t+1) 会约掉，每个参数 w 的一步是 η/√Σ(gⁱ)² 乘以它的梯度 gᵗ。'),
    "Adagrad's η":
        'Adagrad 的 η',
    "Gradient descent's η":
        '梯度下降的 η',
    'Gradient descent with 1/t decay, ηᵗ = η/√(t+1)':
        '搭配 1/t 衰减的梯度下降，ηᵗ = η/√(t+1)',
    '① Adagrad beside gradient descent':
        '① Adagrad 与梯度下降并排',
    '② Contradiction?':
        '② 矛盾？',
    '③ How surprising it is (反差)':
        '③ 有多意外（反差）',
    'Fix the formula in the sidebar to see the runs.':
        '请在侧边栏修正公式，才能看到运行结果。',
    'Adagrad could not take a single update from this start point.':
        'Adagrad 从这个起点连一次更新都无法进行。',
    'The gradients of this run cannot be tabulated: {reason}.':
        '这次运行的梯度无法制成表格：{reason}。',
    'step −(ηᵗ/σᵗ)gᵗ':
        '一步 −(ηᵗ/σᵗ)gᵗ',
    'gradient descent, ηᵗ = {eta}/√(t+1)':
        '梯度下降，ηᵗ = {eta}/√(t+1)',
    'Adagrad, η = {eta}':
        'Adagrad，η = {eta}',
    'The same start θ⁰, two optimizers':
        '同一个起点 θ⁰，两个优化器',
    "**Adagrad's learning rate at update t = {t}**, one per parameter:":
        '**Adagrad 在第 t = {t} 次更新的学习率**，每个参数一个：',
    '{p}: η{s}/σ{s}':
        '{p}：η{s}/σ{s}',
    'Gradient descent uses one learning rate, {rate}, for both.':
        '梯度下降对两者使用同一个学习率 {rate}。',
    'GD: L after {n}':
        'GD：{n} 次后的 L',
    'Adagrad: L after {n}':
        'Adagrad：{n} 次后的 L',
    'Update t = {t} in numbers, one table per parameter':
        '第 t = {t} 次更新的数字，每个参数一张表',
    '⊙ multiplies entry by entry: θ₁ and θ₂ each get their own ηᵗ/σᵗ.':
        '⊙ 是逐元素相乘：θ₁ 和 θ₂ 各自有自己的 ηᵗ/σᵗ。',
    "Why the two green columns below are equal: the 1/t decay's √(t+1) cancels the one inside σᵗ.":
        '为什么下面两个绿色列相等：1/t 衰减的 √(t+1) 约掉了 σᵗ 里的那一个。',
    'its gradients are small':
        '它的梯度小',
    'its gradients are large':
        '它的梯度大',
    'parameter {k}':
        '参数 {k}',
    '**{p}** ({kind}): w = {p}, gᵗ = ∂L/∂{p} at θᵗ':
        '**{p}**（{kind}）：w = {p}，gᵗ = 在 θᵗ 处的 ∂L/∂{p}',
    "Check: the run recorded the factor {value} for {p} at update {t}; the table's ηᵗ/σᵗ is {table}.":
        '检查：这次运行在第 {t} 次更新时记录 {p} 的系数为 {value}；表格中的 ηᵗ/σᵗ 是 {table}。',
    'Rows 0 … {hidden} are not shown, but σᵗ and Σ(gⁱ)² add up all of g⁰ … gᵗ.':
        '第 0 … {hidden} 行没有显示，但 σᵗ 和 Σ(gⁱ)² 累加了全部的 g⁰ … gᵗ。',
    'Contradiction?':
        '矛盾？',
    '**Vanilla gradient descent**':
        '**普通梯度下降**',
    '→ Larger gradient, larger step: :orange[**gᵗ**] multiplies ηᵗ.':
        '→ 梯度越大，步子越大：:orange[**gᵗ**] 乘以 ηᵗ。',
    '**Adagrad**':
        '**Adagrad**',
    ('→ Larger gradient, larger step: :orange[**gᵗ**] is in the numerator.\n\n→ Larger gradient, smaller step: '
     ':blue[**√Σ(gⁱ)²**] is in the denominator.'):
        '→ 梯度越大，步子越大：:orange[**gᵗ**] 在分子。\n\n→ 梯度越大，步子越小：:blue[**√Σ(gⁱ)²**] 在分母。',
    'The numbers appear once the run in tab ① can be drawn.':
        '标签页 ① 的运行能画出来之后，这里就会出现数字。',
    ("At Adagrad's update **t = {t}** (choose t in tab ①), for each parameter, with the same η = {eta} and ηᵗ "
     '= η/√(t+1) for both rules:'):
        ('在 Adagrad 的第 **t = {t}** 次更新（在标签页 ① 选择 t），对每个参数，两条规则都用同一个 η = {eta} 和 '
         'ηᵗ = η/√(t+1)：'),
    'gᵗ (numerator)':
        'gᵗ（分子）',
    '√Σ(gⁱ)² (denominator)':
        '√Σ(gⁱ)²（分母）',
    'vanilla step −ηᵗgᵗ':
        '普通的一步 −ηᵗgᵗ',
    'Adagrad step −η gᵗ/√Σ(gⁱ)²':
        'Adagrad 的一步 −η gᵗ/√Σ(gⁱ)²',
    'parameter':
        '参数',
    'How far each parameter moves at update t = {t}':
        '每个参数在第 t = {t} 次更新时移动多远',
    'vanilla gradient descent':
        '普通梯度下降',
    '|step|':
        '|一步|',
    ('Vanilla gradient descent moves the parameter with the larger |gᵗ| further. Adagrad divides each gᵗ by '
     "that parameter's own √Σ(gⁱ)², which is large where the gradients have been large: at t = 0 every "
     'parameter moves by exactly η. Which effect wins later? Tab ③: it depends on how *surprising* gᵗ is next '
     'to the gradients before it.'):
        ('普通梯度下降让 |gᵗ| 较大的参数移动得更远。Adagrad 把每个 gᵗ 除以该参数自己的 √Σ(gⁱ)²，'
         '而梯度一直很大的地方它也大：在 t = 0 时每个参数都刚好移动 η。之后哪个效果胜出？标签页 ③：取决于 gᵗ '
         '和之前的梯度比起来有多*意外*。'),
    'especially large (特別大)':
        '特别大',
    'especially small (特別小)':
        '特别小',
    'about as large as before':
        '和之前差不多大',
    'Gradients g⁰, g¹, … (numbers separated by commas)':
        '梯度 g⁰, g¹, …（以逗号分隔的数字）',
    'Type up to 12 numbers, e.g. 0.001, 0.001, 0.003, 0.002, 0.1':
        '最多输入 12 个数字，例如 0.001, 0.001, 0.003, 0.002, 0.1',
    'Fix the numbers above to see this table.':
        '请修正上面的数字，才能看到这张表。',
    'These numbers cannot be used: {reason}.':
        '这些数字无法使用：{reason}。',
    'gᵗ/σᵗ':
        'gᵗ/σᵗ',
    'step':
        '一步',
    'g{s}/σ{s}':
        'g{s}/σ{s}',
    'step at t = {t}':
        't = {t} 的一步',
    'g{s} = {g} is **{word}** next to σ{s} = {sigma}, the root mean square of g⁰ … g{s}.':
        'g{s} = {g} 和 σ{s} = {sigma}（g⁰ … g{s} 的均方根）比起来**{word}**。',
    'Every gradient so far is 0: σᵗ = 0 and Adagrad does not move.':
        '到目前为止每个梯度都是 0：σᵗ = 0，Adagrad 不会移动。',
    '|gᵗ| beside σᵗ':
        '|gᵗ| 与 σᵗ 并列',
    'How surprising it is: 反差':
        '有多意外：反差',
    ("Adagrad's step is ηᵗ times **gᵗ/σᵗ**: the gradient measured against the root mean square of the "
     "gradients before it. Both of the lecture's sequences end with the same 0.1; after tiny gradients it is "
     'especially large (特別大), after large ones especially small (特別小). Edit the numbers to try your own. '
     "The step uses Adagrad's η = {eta} from the sidebar."):
        ('Adagrad 的一步是 ηᵗ 乘以 **gᵗ/σᵗ**：用之前梯度的均方根来衡量这次的梯度。课程里的两个序列都以同样的 '
         '0.1 结尾；在很小的梯度之后它特别大，在很大的梯度之后它特别小。修改数字试试你自己的序列。'
         '这一步使用侧边栏中 Adagrad 的 η = {eta}。'),
    "First sequence (the lecture's: small gradients, then 0.1)":
        '第一个序列（课程中的：先是小梯度，然后 0.1）',
    "Second sequence (the lecture's: large gradients, then 0.1)":
        '第二个序列（课程中的：先是大梯度，然后 0.1）',
    ("On the elongated bowl θ₁'s gradients are small, so its σᵗ is small and its ηᵗ/σᵗ large; θ₂'s are large, "
     'so its ηᵗ/σᵗ is small. One η, but each parameter gets its own learning rate.'):
        ('在狭长的碗上，θ₁ 的梯度小，所以它的 σᵗ 小、ηᵗ/σᵗ 大；θ₂ 的梯度大，所以它的 ηᵗ/σᵗ 小。只有一个 η，'
         '但每个参数都有自己的学习率。'),
    ("Adagrad's first update moves every parameter by exactly η (g⁰/√(g⁰)² = ±1): it does not follow the "
     "gradient's direction, it moves diagonally."):
        'Adagrad 的第一次更新让每个参数都刚好移动 η（g⁰/√(g⁰)² = ±1）：它不沿着梯度的方向，而是斜着走。',
    ('Gradient descent has one η for both: at 0.1 θ₁ crawls; at 0.45 θ₂ zigzags and θ₁ is still slow; above '
     '0.5 it diverges (2 / the steep curvature 4).'):
        ('梯度下降对两者只有一个 η：0.1 时 θ₁ 慢慢爬；0.45 时 θ₂ 走之字形而 θ₁ 仍然很慢；超过 0.5 就发散（2 / '
         '陡峭方向的曲率 4）。'),
    ('The columns ηᵗ/σᵗ and η/√Σ(gⁱ)² agree at every t, and neither ever grows: Σ(gⁱ)² only adds up, so '
     "Adagrad's steps shrink over time."):
        ('ηᵗ/σᵗ 和 η/√Σ(gⁱ)² 两列在每个 t 都相同，而且都不会变大：Σ(gⁱ)² 只会累加，所以 Adagrad '
         '的步子会随时间缩小。'),
    ("With the lecture's sequences, the same gradient 0.1 gives a step about 400 times larger after small "
     'gradients than after large ones: Adagrad reacts to the contrast (反差) gᵗ/σᵗ, not to the size of gᵗ '
     'alone.'):
        ('用课程中的序列，同样的梯度 0.1 在小梯度之后的一步，约是在大梯度之后的 400 倍：Adagrad 反应的是反差 '
         'gᵗ/σᵗ，而不只是 gᵗ 的大小。'),
    # --- lessons/4_best_step.py
    ('Larger gradient, larger step? The best step from x₀ to the minimum of y = ax² + bx + c is |first '
     'derivative| / second derivative, so compare first derivatives only within one parameter.'):
        ('梯度越大，步子越大？从 x₀ 到 y = ax² + bx + c 最小值最好的一步是 |一阶导数| / 二阶导数，'
         '所以只能在同一个参数内比较一阶导数。'),
    '① The best step':
        '① 最好的一步',
    '② Do not cross parameters':
        '② 不要跨参数比较',
    '③ First derivatives estimate the second':
        '③ 用一阶导数估计二阶导数',
    'a (> 0)':
        'a（> 0）',
    "The curvature: y'' = 2a.":
        "曲率：y'' = 2a。",
    'Start x₀':
        '起点 x₀',
    'best step {v}':
        '最好的一步 {v}',
    'gradient step {v}':
        '梯度的一步 {v}',
    'First derivative':
        '一阶导数',
    '2ax₀ + b, the slope at x₀':
        '2ax₀ + b，x₀ 处的斜率',
    'Second derivative':
        '二阶导数',
    '2a, the same everywhere on a parabola':
        '2a，在抛物线上处处相同',
    'Best step':
        '最好的一步',
    '|2ax₀ + b| / 2a, the distance from x₀ to −b/2a':
        '|2ax₀ + b| / 2a，从 x₀ 到 −b/2a 的距离',
    'Gradient step':
        '梯度的一步',
    'η|2ax₀ + b|, how far x¹ is from x₀':
        'η|2ax₀ + b|，x¹ 离 x₀ 多远',
    'x₀ is already at the minimum: the first derivative is 0, and so is every step.':
        'x₀ 已经在最小值：一阶导数是 0，每一步也都是 0。',
    'η = 1/2a: the gradient step is the best step, it lands on the minimum.':
        'η = 1/2a：梯度的一步就是最好的一步，正好落在最小值。',
    'The gradient step stops short of the minimum; η = 1/2a = {e} would land on it.':
        '梯度的一步停在最小值之前；η = 1/2a = {e} 才会正好落在上面。',
    'The gradient step jumps past the minimum; η = 1/2a = {e} would land on it.':
        '梯度的一步跳过了最小值；η = 1/2a = {e} 才会正好落在上面。',
    ('Red: the tangent at x₀, its slope is the first derivative. Green: the best step, straight to the minimum '
     '−b/2a. Blue: one gradient step with η = {eta}, from x₀ to x¹.'):
        ('红色：x₀ 处的切线，斜率就是一阶导数。绿色：最好的一步，直达最小值 −b/2a。蓝色：η = {eta} '
         '的一次梯度更新，从 x₀ 到 x¹。'),
    'x¹ = {x1} is far off the plot.':
        'x¹ = {x1} 远在图外。',
    'Curvature of w₁: a₁':
        'w₁ 的曲率：a₁',
    'Curvature of w₂: a₂':
        'w₂ 的曲率：a₂',
    'w₁ slice: L = {f}':
        'w₁ 切面：L = {f}',
    'w₂ slice: L = {f}':
        'w₂ 切面：L = {f}',
    'first derivative':
        '一阶导数',
    'Point':
        '点',
    'Distance':
        '距离',
    '|First|':
        '|一阶|',
    'Second':
        '二阶',
    'Distance to the minimum at 0':
        '到最小值 0 的距离',
    '|first derivative| = |2aw|':
        '|一阶导数| = |2aw|',
    'second derivative = 2a':
        '二阶导数 = 2a',
    '|first derivative| / second derivative':
        '|一阶导数| / 二阶导数',
    ("First, Second: the first and the second derivative of L along the point's own parameter. Best step = "
     '|First| / Second, the same as the distance.'):
        '一阶、二阶：L 沿该点自己的参数的一阶和二阶导数。最好的一步 = |一阶| / 二阶，和距离相同。',
    'a is farther from its minimum than c ({da} > {dc}), yet its first derivative is smaller ({ga} < {gc}).':
        'a 离它的最小值比 c 远（{da} > {dc}），但它的一阶导数却比较小（{ga} < {gc}）。',
    ('Here a has the larger first derivative too. Make w₂ sharper or w₁ flatter and the first derivatives stop '
     'telling the distances.'):
        '这里 a 的一阶导数也比较大。把 w₂ 调得更尖或把 w₁ 调得更平，一阶导数就无法反映距离了。',
    ('Red: the tangent at each point, its slope is the first derivative. Green: the distance to the minimum, '
     'the best step. Both slices are drawn on the same scales.'):
        '红色：每一点的切线，斜率就是一阶导数。绿色：到最小值的距离，也就是最好的一步。两个切面画在相同的刻度上。',
    'Flat curve: a':
        '平缓的曲线：a',
    'Sharp curve: a':
        '尖锐的曲线：a',
    'Sample points':
        '采样点',
    'Draw other points':
        '换一组点',
    'The seed of the random generator that picks the sample points x.':
        '挑选采样点 x 的随机数生成器种子。',
    'flat: y = {f}':
        '平缓：y = {f}',
    'sharp: y = {f}':
        '尖锐：y = {f}',
    'First derivatives at the same points x':
        '同样的点 x 上的一阶导数',
    'Curve':
        '曲线',
    'the true second derivative':
        '真正的二阶导数',
    'root sum of squares of the sampled first derivatives':
        '采样一阶导数的平方和开根号',
    ('The sharper curve has the larger √Σ(gⁱ)², in proportion to its second derivative (the last column is the '
     'same for both). Adagrad divides by it:'):
        '越尖锐的曲线 √Σ(gⁱ)² 越大，与它的二阶导数成正比（最后一列两者相同）。Adagrad 就是除以它：',
    "|gⁱ| at each sample point: the same points, the sharp curve's always larger":
        '每个采样点的 |gⁱ|：同样的点，尖锐曲线的总是比较大',
    ('On one parabola the best step |2ax₀ + b| / 2a grows with the first derivative: within one parameter, a '
     'larger first derivative means farther from the minimum (a farther than b, c farther than d).'):
        ('在同一条抛物线上，最好的一步 |2ax₀ + b| / 2a 随一阶导数变大：在同一个参数内，'
         '一阶导数越大代表离最小值越远（a 比 b 远，c 比 d 远）。'),
    ('Across parameters it does not: a is farther from its minimum than c, but its first derivative is '
     'smaller, because w₁ is much flatter (smaller second derivative).'):
        '跨参数就不成立了：a 离它的最小值比 c 远，但它的一阶导数比较小，因为 w₁ 平缓得多（二阶导数较小）。',
    ('A gradient step η|2ax₀ + b| ignores the second derivative: only η = 1/2a lands on the minimum, and that '
     'η is different for every curvature.'):
        '梯度的一步 η|2ax₀ + b| 忽略了二阶导数：只有 η = 1/2a 会落在最小值上，而这个 η 对每种曲率都不同。',
    ('Adagrad divides by √Σ(gⁱ)², first derivatives it has already computed: on a sharper curve they are '
     'larger, so the root sum of squares stands in for the second derivative at no extra cost.'):
        ('Adagrad 除以 √Σ(gⁱ)²，也就是它已经算好的一阶导数：曲线越尖锐它们越大，'
         '所以平方和开根号可以不花额外成本代替二阶导数。'),
    # --- lessons/5_sgd.py
    ('The loss L is a sum over all training examples. Gradient descent updates after seeing all examples. '
     'Stochastic gradient descent picks an example xⁿ and updates for each one, with the loss of that example '
     'only, Lⁿ = (ŷⁿ − (b + w xⁿ))². With 20 examples it makes 20 updates while gradient descent makes one: '
     'faster!'):
        ('损失 L 是所有训练样本的总和。梯度下降看完所有样本才更新一次。随机梯度下降挑一个样本 xⁿ，'
         '每个样本都更新一次，只用该样本的损失 Lⁿ = (ŷⁿ − (b + w xⁿ))²。有 20 个样本时，它更新 20 次，'
         '梯度下降才更新一次：更快！'),
    'SGD':
        'SGD',
    'Mini-batch':
        '小批量',
    'One example back':
        '退回一个样本',
    'One more example':
        '再多一个样本',
    'Examples seen so far (= SGD updates)':
        '目前看过的样本数（= SGD 更新次数）',
    'Data':
        '数据',
    'Number of examples n':
        '样本数 n',
    'Examples of y = 1 + 2x + noise, with x around 1.':
        'y = 1 + 2x + 噪声的样本，x 在 1 附近。',
    'Data seed':
        '数据种子',
    'The same seed gives the same data.':
        '同样的种子生成同样的数据。',
    'Training':
        '训练',
    'The same η for all three. L is a sum over the examples, so η must be small.':
        '三者使用同一个 η。L 是所有样本的总和，所以 η 必须很小。',
    'Epochs (passes over all examples)':
        'Epoch 数（看过所有样本几轮）',
    'Mini-batch size m':
        '小批量大小 m',
    'Examples per mini-batch update. m = 1 is SGD, m = n is gradient descent.':
        '每次小批量更新用几个样本。m = 1 就是 SGD，m = n 就是梯度下降。',
    'Shuffle seed':
        '打乱种子',
    'The order in which SGD and mini-batch visit the examples in each epoch. The same seed gives the same run.':
        'SGD 和小批量在每个 epoch 中遍历样本的顺序。同样的种子得到同样的运行结果。',
    'Start w⁰':
        '起点 w⁰',
    'Start b⁰':
        '起点 b⁰',
    ('Your file has two features. This lesson fits y = b + w x with one, so it uses the first column {name} '
     'only (the feature-scaling lesson uses both).'):
        '你的文件有两个特征。这一课只用一个特征拟合 y = b + w x，所以只用第一列 {name}（特征缩放那一课两个都用）。',
    ('{n} examples of y = 1 + 2x + noise (data seed {seed}). The least-squares line is w* = {w}, b* = {b}, '
     'with L* = {loss}.'):
        '{n} 个 y = 1 + 2x + 噪声的样本（数据种子 {seed}）。最小二乘直线是 w* = {w}、b* = {b}，L* = {loss}。',
    ('{method} diverged at update {t}: θ left ±1e8 or the loss stopped being a finite number. The plots keep '
     'the updates before it; try a smaller learning rate (gradient descent needs η < {limit} on these data).'):
        ('{method} 在第 {t} 次更新时发散：θ 超出了 ±1e8，或损失不再是有限的数值。图中保留发散之前的更新；'
         '请试试较小的学习率（在这些数据上，梯度下降需要 η < {limit}）。'),
    ('{method}: the loss grew from {a} to {b}. The learning rate is too large for it (gradient descent needs η '
     '< {limit} on these data).'):
        '{method}：损失从 {a} 增加到 {b}。这个学习率对它来说太大了（在这些数据上，梯度下降需要 η < {limit}）。',
    '**Updates per epoch** (an epoch: all {n} examples seen once; m: examples per update)':
        '**每个 epoch 的更新次数**（一个 epoch：{n} 个样本全部看过一次；m：每次更新用的样本数）',
    'Gradient descent (m = {n})':
        '梯度下降（m = {n}）',
    'SGD (m = 1)':
        'SGD（m = 1）',
    'Mini-batch (m = {m})':
        '小批量（m = {m}）',
    'One update after seeing all {n} examples.':
        '看完全部 {n} 个样本才更新一次。',
    'One update for each example: {n} per epoch.':
        '每个样本更新一次：每个 epoch {n} 次。',
    'One update per batch of m = {m}: ⌈{n} / {m}⌉ per epoch (the last batch may be smaller).':
        '每批 m = {m} 个样本更新一次：每个 epoch ⌈{n} / {m}⌉ 次（最后一批可能较小）。',
    'GD':
        'GD',
    'mini-batch m = {m}':
        '小批量 m = {m}',
    'mini-batch':
        '小批量',
    '**Pick an example xⁿ, update.** Step through the examples one by one.':
        '**挑一个样本 xⁿ，更新。** 一个一个走过这些样本。',
    'L(w, b) and the paths over {e} epochs':
        'L(w, b) 与 {e} 个 epoch 的路径',
    'least squares':
        '最小二乘',
    "SGD's update {u} used example n = {i}: x = {x}, ŷ = {y}.":
        'SGD 的第 {u} 次更新用了样本 n = {i}：x = {x}，ŷ = {y}。',
    'Before any update: every run is at θ⁰.':
        '还没有任何更新：每个运行都在 θ⁰。',
    'method':
        '方法',
    'updates':
        '更新次数',
    ('Updates made after {u} examples: gradient descent {g}, mini-batch {m}, SGD {s}. The big dots on the '
     'contours and the lines below show where each run is now.'):
        ('看过 {u} 个样本后的更新次数：梯度下降 {g}，小批量 {m}，SGD {s}。'
         '等高线上的大圆点和下方的直线显示每个运行目前的位置。'),
    'Loss against epochs':
        '损失随 epoch 的变化',
    'epochs (passes over all {n} examples)':
        'epoch（看过全部 {n} 个样本几轮）',
    ('Log scale. Dotted: L*, the least-squares loss, the lowest any line can reach. A line that leaves the '
     'top: that loss grew.'):
        '对数刻度。虚线：L*，最小二乘的损失，任何直线能达到的最低值。超出上缘的线：那个损失变大了。',
    'The fitted lines after {u} examples':
        '看过 {u} 个样本后拟合的直线',
    'examples':
        '样本数',
    'examples per update':
        '每次更新的样本数',
    'updates per epoch':
        '每个 epoch 的更新次数',
    'updates in {e} epochs':
        '{e} 个 epoch 的更新次数',
    'L after 1 epoch':
        '1 个 epoch 后的 L',
    'L after {e} epochs':
        '{e} 个 epoch 后的 L',
    ('Gradient descent on this L converges only for η < 2/λ_max = {gd} (λ_max: the largest curvature of L). L '
     "adds up the curvature of all n examples, one example's Lⁿ has only its own: every single SGD update is "
     'safe up to η = {one}, {ratio} times larger. That is why SGD can take the same η in n small steps where '
     'gradient descent takes one big one.'):
        ('在这个 L 上，梯度下降只有在 η < 2/λ_max = {gd} 时才收敛（λ_max：L 的最大曲率）。L 累加了全部 n '
         '个样本的曲率，而单个样本的 Lⁿ 只有它自己的：每一次 SGD 更新在 η 到 {one} 之前都是安全的，大了 '
         '{ratio} 倍。这就是为什么 SGD 能用同样的 η 走 n 小步，而梯度下降只走一大步。'),
    ('With {n} examples, SGD makes {n} updates per epoch and gradient descent one. Against epochs (the same '
     'examples seen) SGD is far ahead; against updates gradient descent has only made a few, each after seeing '
     'all {n} examples.'):
        ('有 {n} 个样本时，SGD 每个 epoch 更新 {n} 次，梯度下降只更新一次。以 epoch（看过同样的样本）来比，SGD '
         '遥遥领先；以更新次数来比，梯度下降只更新了几次，每次都要看完全部 {n} 个样本。'),
    ("SGD's path is noisy: each update follows one example's Lⁿ, not L, so it zig-zags around the "
     'least-squares point and never quite settles with a constant η. Mini-batches average m examples: less '
     'noise, fewer updates.'):
        ('SGD 的路径充满噪声：每次更新跟着一个样本的 Lⁿ，而不是 L，所以它在最小二乘点附近走之字形，用固定的 η '
         '永远不会完全停下来。小批量平均 m 个样本：噪声较少，更新次数也较少。'),
    ('Change the shuffle seed: SGD and mini-batch visit the examples in another order and take another path; '
     'gradient descent, which always sees all of them, does not change.'):
        '换一个打乱种子：SGD 和小批量会以另一种顺序遍历样本，走出另一条路径；梯度下降每次都看全部样本，所以不变。',
    ("Lower η to 0.005: with the same η, SGD's n small steps of an epoch add up to about one step of gradient "
     "descent, and gradient descent is even a little ahead per epoch. SGD's advantage here is that it stays "
     'stable at an η where gradient descent, on the sum L, overshoots.'):
        ('把 η 降到 0.005：同样的 η 下，SGD 一个 epoch 的 n 小步加起来大约等于梯度下降的一步，而且以 epoch '
         '来算梯度下降还稍微领先。SGD 在这里的优势是：在梯度下降（对总和 L）会冲过头的 η 下，它仍然稳定。'),
    'Set m = n and the mini-batch run is gradient descent; set m = 1 and it is SGD.':
        '设 m = n，小批量就是梯度下降；设 m = 1，它就是 SGD。',
    # --- lessons/6_feature_scaling.py
    ('In y = b + w₁x₁ + w₂x₂, when x₂ is much larger than x₁, a change in w₂ changes the loss much more than '
     'the same change in w₁: the contours of L are long thin ellipses, η must suit the steep w₂, and gradient '
     'descent crawls along w₁. Make different features have the same scaling, and the contours become round: '
     'gradient descent goes straight to the minimum.'):
        ('在 y = b + w₁x₁ + w₂x₂ 中，当 x₂ 比 x₁ 大很多时，w₂ 的改变对损失的影响远大于 w₁ 同样的改变：L '
         '的等高线是细长的椭圆，η 必须迁就陡峭的 w₂，梯度下降沿着 w₁ 慢慢爬。让不同的特征有相同的尺度，'
         '等高线就会变圆：梯度下降直奔最小值。'),
    'within 10 %':
        '10% 以内',
    'within 1 %':
        '1% 以内',
    'within 0.1 %':
        '0.1% 以内',
    "x₂'s scale: k times x₁'s":
        'x₂ 的尺度：x₁ 的 k 倍',
    ('x₁ is around 1, x₂ around k. The true line is y = 1 + 2x₁ − x₂/k + noise, so both features matter about '
     'as much.'):
        'x₁ 在 1 附近，x₂ 在 k 附近。真正的直线是 y = 1 + 2x₁ − x₂/k + 噪声，所以两个特征差不多一样重要。',
    'Number of examples':
        '样本数',
    'η as a fraction of the largest stable η':
        'η 占最大稳定 η 的比例',
    ('Each side gets this fraction of its own 2/λ_max, the largest η for which gradient descent converges on '
     'it. Above 1 both diverge.'):
        '两边各自取自己的 2/λ_max（梯度下降在它上面收敛的最大 η）的这个比例。超过 1 两边都会发散。',
    'Target: L within … of L*':
        '目标：L 在 L* 的 … 以内',
    'Compare the runs':
        '比较两次运行',
    'Where is each run after t updates?':
        't 次更新后，每个运行在哪里？',
    'The big dots on both contours and the dashed line on the loss plot.':
        '两张等高线图上的大圆点，以及损失图上的虚线。',
    '{n} examples with x₁ around 1 and x₂ around {k} (data seed {seed}).':
        '{n} 个样本，x₁ 在 1 附近，x₂ 在 {k} 附近（数据种子 {seed}）。',
    'Your data: {n} rows.':
        '你的数据：{n} 行。',
    ('Both runs start from the same line y = 0 (w₁ = w₂ = b = 0), each with the same fraction, {f}, of its own '
     'largest stable η. **Target:** L {target} of the least-squares L* = {star}, that is L ≤ {value}.'):
        ('两次运行都从同一条直线 y = 0（w₁ = w₂ = b = 0）出发，各自使用自己最大稳定 η 的同一比例 {f}。**目标：'
         '**L 在最小二乘 L* = {star} 的 {target}，也就是 L ≤ {value}。'),
    'Before scaling':
        '缩放前',
    'After scaling':
        '缩放后',
    ('{side}: diverged at update {t}. η is above the largest stable rate 2/λ_max, so the steepest direction '
     'overshoots more at every update.'):
        '{side}：在第 {t} 次更新时发散。η 超过了最大稳定学习率 2/λ_max，所以最陡的方向每次更新都冲得更过头。',
    'more than {n}':
        '超过 {n}',
    'η = {f} × 2/λ_max':
        'η = {f} × 2/λ_max',
    '{f} × 2/λ_max = {f} × {lim}: λ_max is the largest eigenvalue of the Hessian 2AᵀA, A = [X, 1].':
        '{f} × 2/λ_max = {f} × {lim}：λ_max 是黑塞矩阵 2AᵀA 的最大特征值，A = [X, 1]。',
    'updates to target':
        '达到目标的更新次数',
    'The first t with L(θᵗ) ≤ {value} (L {target} of L*).':
        '第一个使 L(θᵗ) ≤ {value} 的 t（L 在 L* 的 {target}）。',
    'gradient descent':
        '梯度下降',
    '{side}: L over ({a}, {b})':
        '{side}：L 关于 ({a}, {b})',
    'reached the target':
        '达到目标',
    ('Contours of L with b at its best value for each (w₁, w₂), b = mean(ŷ − w₁x₁ − w₂x₂): the lowest L over '
     'b. Both axes at the same scale. The path is (w₁, w₂) of every θᵗ; the ring marks the first update within '
     'the target. After scaling the weights are w′ᵢ = wᵢσᵢ, the same lines in new units.'):
        ('L 的等高线，其中 b 取每个 (w₁, w₂) 下的最佳值 b = mean(ŷ − w₁x₁ − w₂x₂)：对 b 取最低的 L。'
         '两轴使用相同刻度。路径是每个 θᵗ 的 (w₁, w₂)；圆环标出第一次达到目标的更新。缩放后的权重是 w′ᵢ = '
         'wᵢσᵢ，是同样的直线换了单位。'),
    'target':
        '目标',
    'number of parameter updates t':
        '参数更新次数 t',
    'Log scale. Dotted: the target. Dots: the first update within it. Dashed: the update t chosen above.':
        '对数刻度。点线：目标。圆点：第一次达到目标的更新。虚线：上面选择的更新 t。',
    'After t = {t} updates: L = **{raw}** before scaling, **{scaled}** after scaling (L* = {star}).':
        't = {t} 次更新后：缩放前 L = **{raw}**，缩放后 **{scaled}**（L* = {star}）。',
    'The features before and after':
        '缩放前后的特征',
    'Before: x₁ and x₂ as measured':
        '缩放前：测量到的 x₁ 和 x₂',
    'After: (xᵢ − mᵢ) / σᵢ':
        '缩放后：(xᵢ − mᵢ) / σᵢ',
    'For each dimension i, over the examples r = 1 … R:':
        '对每个维度 i，对样本 r = 1 … R：',
    'feature':
        '特征',
    'mean after':
        '缩放后的均值',
    'std after':
        '缩放后的标准差',
    ('After scaling, the means of all dimensions are 0 and the variances are all 1 (np.std uses 1/R, as on the '
     'slide).'):
        '缩放后，所有维度的均值都是 0，方差都是 1（np.std 用 1/R，和幻灯片上一样）。',
    ('Before scaling, the largest stable η is set by the steep direction (the weight of the larger feature), '
     'so the flat direction crawls: {raw} updates against {scaled} after scaling, at the same fraction of each '
     "side's largest stable η."):
        ('缩放前，最大稳定 η 由陡峭的方向（较大特征的权重）决定，所以平缓的方向慢慢爬：在两边都取各自最大稳定 '
         'η 的同一比例下，缩放前要 {raw} 次更新，缩放后只要 {scaled} 次。'),
    ('Raise k: the raw contours get thinner and the raw run slower, while the scaled side does not change at '
     'all: standardized features do not remember their original scale.'):
        ('把 k 调大：原始的等高线变得更细，原始的运行更慢，而缩放后的那一边完全不变：'
         '标准化后的特征不记得原本的尺度。'),
    ("Even with features of the same size scaling helps a little (try k = 1): the features' means are not 0, "
     'which couples w and b and stretches the contours too. Subtracting mᵢ removes that.'):
        ('即使特征大小相同，缩放也有一点帮助（试试 k = 1）：特征的均值不是 0，这会让 w 和 b 互相牵连，'
         '也会拉长等高线。减去 mᵢ 就消除了这一点。'),
    'Scaling changes the coordinates, not the model: both sides reach the same least-squares line and the same L*.':
        '缩放改变的是坐标，不是模型：两边都得到同一条最小二乘直线和同样的 L*。',
    # --- lessons/7_theory.py
    ('Each update should lower the loss. Is that always true? Near a point, L is almost a plane (Taylor), and '
     "the plane's lowest point in a small red circle is a gradient-descent step."):
        ('每次更新都应该让损失变小。一定如此吗？在一个点附近，L 几乎是一个平面（泰勒），'
         '而这个平面在一个小红色圆圈内的最低点，就是梯度下降的一步。'),
    'Question and Taylor series':
        '问题与泰勒级数',
    'Tangent plane':
        '切平面',
    'Red circle':
        '红色圆圈',
    "Newton's method":
        '牛顿法',
    'Taylor series':
        '泰勒级数',
    'The function h(x)':
        '函数 h(x)',
    "sin x (the slide's example)":
        'sin x（幻灯片上的例子）',
    'Type a function of x…':
        '输入一个 x 的函数…',
    'Your function of x':
        '你的 x 的函数',
    'Use x, numbers, + - * / ^, parentheses, pi, e and sin cos tan exp log sqrt tanh abs.':
        '可使用 x、数字、+ - * / ^、括号、pi、e，以及 sin cos tan exp log sqrt tanh abs。',
    'Around x₀ (a number, or e.g. pi/4)':
        '在 x₀ 附近（一个数字，或例如 pi/4）',
    'Order of the polynomial':
        '多项式的阶数',
    'How many derivatives of h at x₀ the polynomial uses.':
        '多项式用到 h 在 x₀ 处的几阶导数。',
    'Plot window x₀ ±':
        '绘图范围 x₀ ±',
    'The loss and the point (a, b)':
        '损失与点 (a, b)',
    'Radius d of the red circle':
        '红色圆圈的半径 d',
    'The step stays inside this circle around (a, b): the learning rate is η = d/‖∇L‖.':
        '这一步留在 (a, b) 周围的这个圆圈内：学习率是 η = d/‖∇L‖。',
    'Fix the formula in the sidebar to see this part.':
        '请在侧边栏修正公式，才能看到这一部分。',
    'This point (a, b) cannot be used: {reason}.':
        '这个点 (a, b) 无法使用：{reason}。',
    'How to find the smallest value near a point? **Taylor series**: near x₀, h(x) ≈ h(x₀) + h′(x₀)(x − x₀).':
        '怎么找到一个点附近的最小值？**泰勒级数**：在 x₀ 附近，h(x) ≈ h(x₀) + h′(x₀)(x − x₀)。',
    'This function cannot be used: {reason}.':
        '这个函数无法使用：{reason}。',
    'The Taylor series around this x₀ cannot be drawn: {reason}.':
        '无法画出在这个 x₀ 附近的泰勒级数：{reason}。',
    '{name} and its Taylor polynomial of order {k}':
        '{name} 与它的 {k} 阶泰勒多项式',
    'order {k} around x₀ = {x0}':
        '在 x₀ = {x0} 附近的 {k} 阶',
    ('Grey: h(x). Orange: the polynomial up to (x − x₀) to the power {k}. Near x₀ even order 1, a straight '
     'line, is close; each higher order hugs h over a wider stretch.'):
        ('灰色：h(x)。橙色：到 (x − x₀) 的 {k} 次方为止的多项式。在 x₀ 附近，连 1 阶（一条直线）都很接近；'
         '阶数越高，贴合 h 的范围越宽。'),
    'All the coefficients h⁽ᵏ⁾(x₀)/k!':
        '所有系数 h⁽ᵏ⁾(x₀)/k!',
    'exact':
        '精确值',
    'value':
        '值',
    'With two parameters: **when θ is close to (a, b)**, the loss is close to a plane.':
        '两个参数时：**当 θ 接近 (a, b)**，损失就接近一个平面。',
    'The loss and its tangent plane at (a, b)':
        '损失与它在 (a, b) 处的切平面',
    'tangent plane':
        '切平面',
    '**Here**, at (a, b) = ({a}, {b}):':
        '**这里**，在 (a, b) = ({a}, {b})：',
    's = L(a, b)':
        's = L(a, b)',
    'u = ∂L/∂θ₁ at (a, b)':
        'u = 在 (a, b) 处的 ∂L/∂θ₁',
    'v = ∂L/∂θ₂ at (a, b)':
        'v = 在 (a, b) 处的 ∂L/∂θ₂',
    ('Orange: the plane s + u(θ₁ − a) + v(θ₂ − b). It touches the surface at (a, b) and leaves it as you move '
     'away. Drag the figure to turn it.'):
        '橙色：平面 s + u(θ₁ − a) + v(θ₂ − b)。它在 (a, b) 处与曲面相切，离得越远就分得越开。拖动图形可以旋转。',
    'The red circle, d = {d}':
        '红色圆圈，d = {d}',
    'red circle':
        '红色圆圈',
    'η = d / ‖∇L‖':
        'η = d / ‖∇L‖',
    'The plane promises':
        '平面承诺的',
    's − d‖∇L‖: the plane at θ':
        's − d‖∇L‖：平面在 θ 处的值',
    'True L(θ)':
        '真正的 L(θ)',
    '∇L(a, b) = 0: the plane is flat, no direction is better than another. Pick another point.':
        '∇L(a, b) = 0：平面是平的，没有哪个方向比较好。换一个点。',
    'd = 0: no room to move, θ = (a, b). Make d larger.':
        'd = 0：没有移动的空间，θ = (a, b)。把 d 调大。',
    'The loss went down: the circle is small enough.':
        '损失下降了：圆圈够小。',
    'The loss went down, but less than with a smaller circle: past d ≈ {v} the true loss turns up again.':
        '损失下降了，但比用更小的圆圈时少：d ≈ {v} 之后，真正的损失又会回升。',
    'The circle is too large: the true loss went **up**, although the plane promised a decrease.':
        '圆圈太大了：虽然平面承诺会下降，真正的损失却**上升**了。',
    'The change of the loss as the circle grows':
        '圆圈变大时损失的变化',
    'radius d of the red circle':
        '红色圆圈的半径 d',
    'true loss':
        '真正的损失',
    'what the plane promises, −d‖∇L‖':
        '平面承诺的 −d‖∇L‖',
    'd now':
        '当前的 d',
    'turns up at d ≈ {v}':
        '在 d ≈ {v} 回升',
    'no decrease past d ≈ {v}':
        'd ≈ {v} 之后不再下降',
    ("Top: the red circle (θ₁ − a)² + (θ₂ − b)² ≤ d² and the step to the plane's lowest point in it, θ (blue). "
     'Bottom: the loss change L(θ) − L(a, b) for every radius d: the plane promises a straight line down '
     '(grey); the true loss (blue) follows it only while d is small, turns up, and past the red dashed line '
     'the step makes the loss larger.'):
        ('上：红色圆圈 (θ₁ − a)² + (θ₂ − b)² ≤ d²，以及走到平面在圈内最低点 θ 的一步（蓝色）。下：每个半径 d '
         '的损失变化 L(θ) − L(a, b)：平面承诺的是一条往下的直线（灰色）；真正的损失（蓝色）只在 d '
         '小的时候跟着它，然后回升，过了红色虚线之后，这一步会让损失变大。'),
    ("Newton's point is the minimum of the model: it walks downhill, in one step to the bottom of the bowl the "
     'model sees.'):
        '牛顿法的点是模型的最小值：它往下坡走，一步走到模型所见的碗底。',
    "Newton's point is a maximum of the model: it walks uphill.":
        '牛顿法的点是模型的最大值：它往上坡走。',
    "Newton's point is a saddle of the model: it heads for a saddle point, not for a minimum.":
        '牛顿法的点是模型的鞍点：它朝鞍点前进，而不是朝最小值。',
    ("The model is flat in some direction (its Hessian is singular): Newton's step uses only the directions in "
     'which it curves.'):
        '模型在某个方向是平的（它的黑塞矩阵是奇异的）：牛顿法的一步只用它有弯曲的方向。',
    "Newton's step beside the gradient step":
        '牛顿法的一步与梯度的一步并列',
    'gradient step':
        '梯度的一步',
    'Newton':
        '牛顿法',
    "Newton's point ({x}, {y}) is outside the plot.":
        '牛顿法的点 ({x}, {y}) 在图外。',
    '**Try:**':
        '**试试看：**',
    'A bowl':
        '一个碗',
    'Near a saddle':
        '鞍点附近',
    'Far out on a plateau':
        '平坦区的远处',
    'Near a hilltop':
        '山顶附近',
    'Along its step the model goes up: it walks uphill.':
        '沿着这一步，模型往上：它往上坡走。',
    'Along its step the model goes down, towards the saddle.':
        '沿着这一步，模型往下，朝向鞍点。',
    "L at the red circle's point, d = {d}":
        '红色圆圈上那一点的 L，d = {d}',
    "L at Newton's point":
        '牛顿法的点的 L',
    ("Newton's point is (a, b) itself: the gradient is zero in every direction in which the model curves, so "
     "Newton's step does not move."):
        '牛顿法的点就是 (a, b) 本身：在模型有弯曲的每个方向上梯度都是零，所以牛顿法的一步不会移动。',
    "The loss and the quadratic model along Newton's step":
        '沿着牛顿法的一步，损失与二次模型',
    'distance from (a, b)':
        '与 (a, b) 的距离',
    'loss L':
        '损失 L',
    'quadratic model':
        '二次模型',
    ("Blue: the gradient step to the edge of the red circle. Black: Newton's step to the point where the "
     'gradient of the quadratic model s + ∇Lᵀ(θ − (a, b)) + ½(θ − (a, b))ᵀH(θ − (a, b)) is zero, H the Hessian '
     "at (a, b). Below: the loss (grey) and that model (orange) along Newton's step."):
        ('蓝色：走到红色圆圈边缘的梯度的一步。黑色：牛顿法的一步，走到二次模型 s + ∇Lᵀ(θ − (a, b)) + ½(θ − (a, '
         'b))ᵀH(θ − (a, b)) 的梯度为零的点，H 是 (a, b) 处的黑塞矩阵。下：沿着牛顿法的一步，'
         '损失（灰色）与该模型（橙色）。'),
    'Back to the question':
        '回到问题',
    ('Is L(θ⁰) > L(θ¹) > L(θ²) > … always true? **No: only if the red circle, that is the learning rate, is '
     'small enough.** The step θ = (a, b) − η∇L is the best point of the plane, and the plane is only close to '
     "L near (a, b). Newton's method trusts a better model farther, but it heads for any point where that "
     'model is flat: a saddle or a maximum just as well as a minimum.'):
        ('L(θ⁰) > L(θ¹) > L(θ²) > … 一定成立吗？**不：只有红色圆圈（也就是学习率）够小时才成立。** 这一步 θ = '
         '(a, b) − η∇L 是平面上最好的点，而平面只在 (a, b) 附近接近 L。牛顿法信任一个更好的模型、走得更远，'
         '但它会朝任何让模型平坦的点前进：鞍点或最大值，和最小值一样。'),
    ('The order-1 Taylor polynomial is the tangent line: close to x₀ it is almost h, far away it can be '
     'anything. Each higher order hugs h over a wider stretch.'):
        '1 阶泰勒多项式就是切线：在 x₀ 附近它几乎就是 h，离远了就可能完全不同。阶数越高，贴合 h 的范围越宽。',
    ('The lowest point of the plane inside the red circle lies against the gradient: θ = (a, b) − d∇L/‖∇L‖, '
     'gradient descent with η = d/‖∇L‖. A larger circle is a larger learning rate.'):
        ('平面在红色圆圈内的最低点位于梯度的反方向：θ = (a, b) − d∇L/‖∇L‖，也就是 η = d/‖∇L‖ 的梯度下降。'
         '圆圈越大，学习率越大。'),
    ('The plane always promises a decrease of d‖∇L‖; the true loss follows it for small d, turns up, and past '
     'the dashed red line the step makes the loss larger than before.'):
        '平面总是承诺下降 d‖∇L‖；真正的损失在 d 小时跟着它，然后回升，过了红色虚线之后，这一步会让损失比之前更大。',
    ("Newton's step lands on the minimum of a convex quadratic in one step, but near a saddle it heads for the "
     'saddle, and where the loss curves downwards it climbs to a maximum of its model.'):
        ('牛顿法在凸二次函数上一步就落在最小值，但在鞍点附近它会朝鞍点走，而在损失往下弯的地方，'
         '它会爬向模型的最大值。'),
    # --- lessons/8_limitations.py
    ('Gradient descent stops wherever ∂L/∂w ≈ 0, and that is not only at the global minimum. The lecture names '
     'three such places: it is **very slow at a plateau**, **stuck at a saddle point**, and **stuck at a local '
     'minimum**. This loss has all three: start gradient descent at several points and see where each run '
     'stops.'):
        ('梯度下降会停在任何 ∂L/∂w ≈ 0 的地方，而那不只是全局最小值。课程指出三种这样的地方：'
         '**在平坦区非常慢**、**卡在鞍点**、**卡在局部最小值**。这个损失三者都有：从几个点开始梯度下降，'
         '看每个运行停在哪里。'),
    'on the plateau':
        '在平坦区上',
    'towards the saddle point':
        '朝向鞍点',
    'into the local minimum':
        '进入局部最小值',
    'to the global minimum':
        '到全局最小值',
    'saddle point':
        '鞍点',
    'local minimum':
        '局部最小值',
    'global minimum':
        '全局最小值',
    'a minimum: curves up in every direction':
        '最小值：在每个方向都往上弯',
    'a saddle point: curves down in one direction':
        '鞍点：在某个方向往下弯',
    'a maximum':
        '最大值',
    'flat in some direction':
        '在某个方向是平的',
    'my own point…':
        '我自己的点…',
    '— not shown —':
        '— 不显示 —',
    'Named starts: {points}. Or type your own point.':
        '有名称的起点：{points}。或输入你自己的点。',
    'Start points θ⁰':
        '起点 θ⁰',
    'Start {i}':
        '起点 {i}',
    'my point':
        '我的点',
    ' since update {t}':
        '（自第 {t} 次更新起）',
    'very slow at the plateau: ∂L/∂w ≈ 0{since}':
        '在平坦区非常慢：∂L/∂w ≈ 0{since}',
    'stuck at a saddle point: ∂L/∂w ≈ 0{since}':
        '卡在鞍点：∂L/∂w ≈ 0{since}',
    'stuck at a local minimum: ∂L/∂w ≈ 0{since}':
        '卡在局部最小值：∂L/∂w ≈ 0{since}',
    'the global minimum: ∂L/∂w ≈ 0{since}':
        '全局最小值：∂L/∂w ≈ 0{since}',
    'still moving: ‖∇L‖ is above 10⁻³{since}':
        '仍在移动：‖∇L‖ 大于 10⁻³{since}',
    'diverged at update {t}{since}':
        '在第 {t} 次更新时发散{since}',
    'Choose at least one start point in the sidebar.':
        '请在侧边栏至少选择一个起点。',
    ('Start {name} diverged at update {t}: θ left ±1e+08 or L stopped being a finite number. Try a smaller '
     'learning rate.'):
        '起点 {name} 在第 {t} 次更新时发散：θ 超出了 ±1e+08，或 L 不再是有限的数值。请试试较小的学习率。',
    'The paths on the loss contours':
        '损失等高线上的路径',
    'Gradient descent, η = {eta}, {n} updates from each start':
        '梯度下降，η = {eta}，从每个起点更新 {n} 次',
    'plateau: ‖∇L‖ < 10⁻³':
        '平坦区：‖∇L‖ < 10⁻³',
    ("Open circles: the starts θ⁰. Stars: the two minima. ✕: the saddle point. The plateau's L ≈ 2 is the "
     'darkest blue; the lightest is the global minimum, L = 0.'):
        '空心圆：起点 θ⁰。星号：两个最小值。✕：鞍点。平坦区的 L ≈ 2 是最深的蓝色；最浅的是全局最小值，L = 0。',
    '∂L/∂w ≈ 0':
        '∂L/∂w ≈ 0',
    '‖∇L(θᵗ)‖ along each path':
        '沿着每条路径的 ‖∇L(θᵗ)‖',
    'update t':
        '更新 t',
    'plateau ≈ 2':
        '平坦区 ≈ 2',
    'L(θᵗ) along each path':
        '沿着每条路径的 L(θᵗ)',
    ('Same colours as the map. Left: below the dashed line, ∂L/∂w ≈ 0 and the updates barely move θ (values '
     'under 10⁻¹⁶ are round-off and drawn at the bottom). Right: each run flattens at the loss of the place '
     'where it stopped.'):
        ('颜色与地图相同。左：在虚线以下，∂L/∂w ≈ 0，更新几乎移动不了 θ（小于 10⁻¹⁶ 的值是舍入误差，'
         '画在底部）。右：每个运行都在它停下的地方的损失值变平。'),
    'Where each run stopped':
        '每个运行停在哪里',
    'Where it stopped':
        '停在哪里',
    'θ after the last update':
        '最后一次更新后的 θ',
    'Nearest critical point':
        '最近的临界点',
    '{kind} {at}, {d} away':
        '{kind} {at}，距离 {d}',
    ('∂L/∂w ≈ 0 (‖∇L‖ ≤ 10⁻³) at the plateau, at the saddle point and at the local minimum, just as at the '
     'global minimum; only the global minimum has L = {low}.'):
        '在平坦区、鞍点和局部最小值，∂L/∂w ≈ 0（‖∇L‖ ≤ 10⁻³），就和全局最小值一样；只有全局最小值的 L = {low}。',
    'The loss, and why these are a saddle point and minima':
        '损失，以及为什么这些是鞍点和最小值',
    ('At each point below ∇L = 0. The Hessian (the second derivatives) tells them apart: at a minimum L curves '
     'up in every direction (both eigenvalues positive); at a saddle point it curves down in one direction '
     '(one negative eigenvalue), so a small push off the line θ₂ = 0 rolls away.'):
        ('下面每个点的 ∇L = 0。黑塞矩阵（二阶导数）可以区分它们：在最小值，L '
         '在每个方向都往上弯（两个特征值都是正的）；在鞍点，它在某个方向往下弯（有一个负的特征值），所以从直线 '
         'θ₂ = 0 轻轻推一下就会滚走。'),
    'Hessian eigenvalues':
        '黑塞矩阵的特征值',
    'The Hessian says':
        '黑塞矩阵表明',
    ('The plateau start barely moves: ‖∇L‖ ≈ 2·10⁻⁴ there, and each update moves θ by η‖∇L‖. Set η = 0.8 and '
     '3000 updates: it crawls for about 1500 updates, then drops into the local minimum within 60 more.'):
        ('平坦区的起点几乎不动：那里 ‖∇L‖ ≈ 2·10⁻⁴，而每次更新让 θ 移动 η‖∇L‖。设 η = 0.8、更新 3000 次：'
         '它慢慢爬了大约 1500 次更新，然后在接下来的 60 次内掉进局部最小值。'),
    ('On the line θ₂ = 0, ∂L/∂θ₂ is exactly 0, so gradient descent never leaves it and stops at the saddle '
     'point with L = 1. Pick “my own point” and start at (−2.5, 0.000001): it slows down at the saddle point '
     '(‖∇L‖ dips below 10⁻³), then escapes downhill into the local minimum.'):
        ('在直线 θ₂ = 0 上，∂L/∂θ₂ 恰好是 0，所以梯度下降永远离不开它，停在 L = 1 的鞍点。选“我自己的点…”并从 '
         '(−2.5, 0.000001) 出发：它在鞍点附近慢下来（‖∇L‖ 降到 10⁻³ 以下），然后往下坡逃进局部最小值。'),
    ('At all three, ∂L/∂w ≈ 0: the size of the gradient alone cannot tell a plateau, a saddle point or a local '
     'minimum from the global minimum. Only L does, and we do not know the lowest L in advance.'):
        ('在这三个地方 ∂L/∂w ≈ 0：光看梯度的大小，无法分辨平坦区、鞍点或局部最小值和全局最小值。只有 L 可以，'
         '而我们事先并不知道最低的 L 是多少。'),
    # --- lessons/9_beyond.py
    'Momentum, RMSProp and Adam':
        '动量、RMSProp 和 Adam',
    ("Gradient descent moves by η times this update's gradient gᵗ. **Momentum** adds up past gradients: it "
     "keeps moving and swings past the valley floor. **Adagrad** and **RMSProp** divide each parameter's step "
     "by the size of its past gradients, like the lecture's σᵗ; **Adam** does both. Same loss, same start: "
     'race them.'):
        ('梯度下降每次移动 η 乘以这次更新的梯度 gᵗ。**动量**累加过去的梯度：它会持续移动，甩过谷底。'
         '**Adagrad** 和 **RMSProp** 把每个参数的一步除以它过去梯度的大小，就像课程中的 σᵗ；**Adam** 两者都做。'
         '同样的损失、同样的起点：让它们比赛。'),
    ("Momentum's first update is exactly gradient descent's (v⁰ = g⁰). After that it carries speed: from θ⁰ = "
     '(0, 2.5) on Rosenbrock it shoots past the valley floor down to θ₂ ≈ −1.8, swings back, curves along the '
     'valley, and is the only one to reach L ≤ 0.001 within 1000 updates.'):
        ('动量的第一次更新和梯度下降完全相同（v⁰ = g⁰）。之后它带着速度：在 Rosenbrock 上从 θ⁰ = (0, 2.5) '
         '出发，它冲过谷底到 θ₂ ≈ −1.8，摆回来，沿着山谷转弯，而且是唯一在 1000 次更新内达到 L ≤ 0.001 的。'),
    ("Adam's first update is (0.05, −0.05), η along each parameter, although g⁰ = (−2, 500): its steps are set "
     "by η, not by the size of the gradient. Gradient descent's first update, −ηg⁰ = (0.002, −0.5), goes "
     'almost straight down.'):
        ('Adam 的第一次更新是 (0.05, −0.05)，每个参数移动 η，虽然 g⁰ = (−2, 500)：它的步子由 η 决定，'
         '而不是梯度的大小。梯度下降的第一次更新 −ηg⁰ = (0.002, −0.5) 几乎是笔直往下。'),
    ("Set β = 0 for momentum: its path lies exactly on gradient descent's. Raise gradient descent's η to 0.01: "
     'it diverges at update 6, while Adam with η = 1 does not, because it divides by the size of the gradient.'):
        ('把动量的 β 设为 0：它的路径和梯度下降完全重合。把梯度下降的 η 调到 0.01：它在第 6 次更新时发散，而 η '
         '= 1 的 Adam 不会，因为它除以了梯度的大小。'),
    # app.py: presenter mode
    "Presenter mode": "演示模式",
    "Larger type and figures for a projector. The link keeps it: ?present=1.":
        "投影用的较大字体与图表。链接会保留这个设置：?present=1。",
    "The lecture's point": "这一段讲义的重点",
    # ui.py: chart data downloads
    "Data of this chart (CSV)": "这张图的数据（CSV）",
    "series": "序列",
    "point": "点",
    "This table (CSV)": "这张表格（CSV）",
    # gd_core: its errors' message templates, shown through ui.reason (a value quoted in 「」 or “” that is
    # not a number or plain words is shown as a code span in place of the quotes)
    'race_result takes a single run, not a batch':
        'race_result 只接受单次运行，不接受批量',
    '{name} must be a whole number from {low} to {high}, got {value}':
        '{name} 必须是 {low} 到 {high} 之间的整数，收到的是 {value}',
    'scales must have one or two entries':
        'scales 必须有一或两个值',
    'scales must be finite numbers > 0, got {value}':
        'scales 必须都是大于 0 的有限值，收到的是 {value}',
    '{name} must be a finite number >= 0, got {value}':
        '{name} 必须是大于或等于 0 的有限值，收到的是 {value}',
    'w must have {d} entries, one per feature':
        'w 必须有 {d} 个值，每个特征一个',
    '{name} must be a whole number >= {low}, got {value}':
        '{name} 必须是大于或等于 {low} 的整数，收到的是 {value}',
    'theta0 must have {n} finite entries (w..., b)':
        'theta0 必须有 {n} 个有限值（w..., b）',
    'too many updates (epochs × updates per epoch must be at most {limit})':
        '更新次数太多（epoch 数 × 每个 epoch 的更新次数最多为 {limit}）',
    "feature '{name}' has the same value in every row, so it cannot be scaled (σ = 0)":
        '特征“{name}”每一行的值都相同，所以无法缩放（σ = 0）',
    'cannot open the file: {detail}':
        '无法打开文件：{detail}',
    'the file is too large ({size} MB; at most {limit} MB)':
        '文件太大（{size} MB；最多 {limit} MB）',
    'the upload could not be read as a file':
        '上传的内容无法作为文件读取',
    'give a path, bytes or a file object':
        '请提供路径、字节或文件对象',
    'the file is too large (more than {limit} MB)':
        '文件太大（超过 {limit} MB）',
    "line {line}, column '{column}': the value is missing":
        '第 {line} 行，“{column}”列：缺少数值',
    "line {line}, column '{column}': '{value}' is not a number":
        '第 {line} 行，“{column}”列：“{value}”不是数字',
    "line {line}, column '{column}': '{value}' is not a finite number":
        '第 {line} 行，“{column}”列：“{value}”不是有限值',
    "line {line}, column '{column}': {value} is too large (at most {limit})":
        '第 {line} 行，“{column}”列：{value} 太大（绝对值最多为 {limit}）',
    'the file is empty':
        '文件是空的',
    'this is a binary file, not a CSV text file':
        '这是二进制文件，不是 CSV 文本文件',
    'the file is not UTF-8 text (a bad byte at position {position})':
        '文件不是 UTF-8 文本（位置 {position} 有无效的字节）',
    'the file is not valid CSV: {detail}':
        '文件不是有效的 CSV：{detail}',
    'no feature column: the file needs one or two feature columns and the target as the last column':
        '没有特征列：文件需要一或两个特征列，最后一列是目标',
    '{n} columns found: use one or two feature columns and the target as the last column':
        '找到 {n} 列：请使用一或两个特征列，最后一列是目标',
    'the file has a header but no data rows':
        '文件有表头行，但没有数据行',
    'the file has {n} data rows; at most {limit} are allowed':
        '文件有 {n} 行数据；最多只能有 {limit} 行',
    'line {line} has {n} values, but the header has {width} columns':
        '第 {line} 行有 {n} 个值，但表头行有 {width} 列',
    'only one data row: at least 2 are needed to fit a line':
        '只有一行数据：至少需要 2 行才能拟合一条直线',
    "feature '{name}' has the same value in every row: it cannot be used or scaled":
        '特征“{name}”每一行的值都相同：无法使用，也无法缩放',
    "'.' (attribute access) is not allowed in a formula":
        '公式中不能使用“.”（属性访问）',
    "'[ ]' (indexing) is not allowed in a formula":
        '公式中不能使用“[ ]”（索引）',
    "'lambda' is not allowed in a formula":
        '公式中不能使用“lambda”',
    'comparisons (<, >, ==) are not allowed: type a formula, not a condition':
        '不能使用比较（<、>、==）：请输入公式，而不是条件',
    "'and'/'or' are not allowed in a formula":
        '公式中不能使用“and”或“or”',
    "'if ... else' is not allowed in a formula":
        '公式中不能使用“if ... else”',
    'assignments are not allowed: type only the right-hand side, e.g. {example}':
        '不能赋值：只输入等号右边的式子，例如 {example}',
    'list comprehensions are not allowed in a formula':
        '公式中不能使用列表推导式（list comprehension）',
    'set comprehensions are not allowed in a formula':
        '公式中不能使用集合推导式（set comprehension）',
    'dict comprehensions are not allowed in a formula':
        '公式中不能使用字典推导式（dict comprehension）',
    'generator expressions are not allowed in a formula':
        '公式中不能使用生成器表达式（generator expression）',
    'lists are not allowed in a formula':
        '公式中不能使用列表',
    'tuples (commas) are not allowed in a formula':
        '公式中不能使用元组（逗号）',
    'sets are not allowed in a formula':
        '公式中不能使用集合',
    'dictionaries are not allowed in a formula':
        '公式中不能使用字典',
    'strings are not allowed in a formula':
        '公式中不能使用字符串',
    "'*' unpacking is not allowed in a formula":
        '公式中不能用“*”解包（unpacking）',
    "'await' is not allowed in a formula":
        '公式中不能使用“await”',
    "'yield' is not allowed in a formula":
        '公式中不能使用“yield”',
    'slices are not allowed in a formula':
        '公式中不能使用切片',
    'a part of the formula is not a finite number (division by zero?)':
        '公式的某一部分不是有限值（除以零了吗？）',
    '{call} is not a finite number (division by zero?)':
        '{call} 不是有限值（除以零了吗？）',
    'a part of the formula is not a real number (square root or log of a negative?)':
        '公式的某一部分不是实数（对负数开根号或取对数了吗？）',
    '{call} is not a real number (square root or log of a negative?)':
        '{call} 不是实数（对负数开根号或取对数了吗？）',
    'a part of the formula could not be evaluated':
        '公式的某一部分无法计算',
    '{call} could not be evaluated':
        '{call} 无法计算',
    'a part of the formula is too large (numbers up to {limit} are allowed)':
        '公式的某一部分太大（数值最多到 {limit}）',
    '{call} is too large (numbers up to {limit} are allowed)':
        '{call} 太大（数值最多到 {limit}）',
    'the formula is too long (at most {n} terms)':
        '公式太长（最多 {n} 项）',
    'the formula is nested too deeply (at most {n} levels)':
        '公式的嵌套层次太深（最多 {n} 层）',
    "only '-' and '+' may stand before a term":
        '一项的前面只能放“-”或“+”',
    "'{syntax}' is not allowed in a formula":
        '公式中不能使用“{syntax}”',
    "'{value}' is not a number":
        '“{value}”不是数字',
    'text in quotes is not a formula: type it without quotes':
        '引号中的文字不是公式：请不要加引号',
    'complex numbers (like 2j) are not allowed':
        '不能使用复数（例如 2j）',
    'the number {value} is too large (up to {limit} is allowed)':
        '数字 {value} 太大（最多到 {limit}）',
    'a number in the formula is too large (up to {limit} is allowed)':
        '公式中有数字太大（最多到 {limit}）',
    "'{name}' is a function: write {call}":
        '“{name}”是函数：请写成 {call}',
    "unknown name '{name}': type a number, such as 0.5 or pi/4":
        '无法识别的名称“{name}”：请输入数字，例如 0.5 或 pi/4',
    "unknown name '{name}': use {variable}":
        '无法识别的名称“{name}”：请使用 {variable}',
    "unknown name '{name}': use {variables} and {last}":
        '无法识别的名称“{name}”：请使用 {variables} 和 {last}',
    "the operator '{symbol}' is not allowed: use + - * / and ^":
        '不能使用运算符“{symbol}”：请使用 + - * / 和 ^',
    'the exponent is too large (at most {n})':
        '指数太大（最多 {n}）',
    'division by zero':
        '除以零',
    'only the functions sin cos tan exp log sqrt tanh abs may be called':
        '只能调用这些函数：sin cos tan exp log sqrt tanh abs',
    "unknown function '{name}': use one of {functions}":
        '无法识别的函数“{name}”：请使用 {functions} 中的一个',
    '{name} takes exactly one argument, as in {call}':
        '{name} 只接受一个参数，例如 {call}',
    'the formula must be text':
        '公式必须是文本',
    'the formula is empty: type one, e.g. x^2 + y^2':
        '公式是空的：请输入一个，例如 x^2 + y^2',
    'the formula is too long (at most {n} characters)':
        '公式太长（最多 {n} 个字符）',
    'the formula contains characters that cannot be typed':
        '公式含有无法用键盘输入的字符',
    "type only the formula, without '=' (e.g. x^2 + y^2, not L = x^2 + y^2)":
        '只输入公式，不要加“=”（例如 x^2 + y^2，而不是 L = x^2 + y^2）',
    'could not read the formula near character {position}: write {fix}, not {typed}':
        '无法解析公式（在第 {position} 个字符附近）：请写成 {fix}，而不是 {typed}',
    'could not read the formula: write {fix}, not {typed}':
        '无法解析公式：请写成 {fix}，而不是 {typed}',
    'could not read the formula near character {position}':
        '无法解析公式（在第 {position} 个字符附近）',
    'could not read the formula':
        '无法解析公式',
    'the formula is nested too deeply':
        '公式的嵌套层次太深',
    'the formula is not finite (division by zero?)':
        '公式不是有限值（除以零了吗？）',
    'the formula is not real (square root or log of a negative?)':
        '公式不是实数（对负数开根号或取对数了吗？）',
    'the plot window must be finite with min < max on both axes':
        '绘图范围必须是有限值，而且两个轴都要 min < max',
    'the plot window must be finite with min < max':
        '绘图范围必须是有限值，而且 min < max',
    '{name} must be a number or a 1-D array, got shape {shape}':
        '{name} 必须是一个数字或一维数组，收到的形状是 {shape}',
    '{name} must be in {interval}, got {value}':
        '{name} 必须在 {interval} 之内，收到的是 {value}',
    'newton handles two parameters (a 2 × 2 Hessian), got a Hessian of shape {shape}':
        'newton 处理两个参数（2 × 2 的黑塞矩阵），收到的黑塞矩阵形状是 {shape}',
    'newton needs the Hessian: pass hessian=loss.hessian(theta)':
        'newton 需要黑塞矩阵：请传入 hessian=loss.hessian(theta)',
    '{name} must be finite with min < max, got {value}':
        '{name} 必须是有限值，而且 min < max，收到的是 {value}',
    '{name} must be a finite number > 0, got {value}':
        '{name} 必须是大于 0 的有限值，收到的是 {value}',
    'ds must be a list of 2 to {n} radii':
        'ds 必须是由 2 到 {n} 个半径组成的列表',
    'every radius d must be a finite number >= 0':
        '每个半径 d 都必须是大于或等于 0 的有限值',
    'the radii must increase':
        '半径必须递增',
    'theta0 must have shape (2,) or (B, 2), got {shape}':
        'theta0 的形状必须是 (2,) 或 (B, 2)，收到的是 {shape}',
    'run_each takes one start point of shape (2,), got {shape}':
        'run_each 只接受一个形状为 (2,) 的起点，收到的是 {shape}',
    'theta0 must be finite':
        'theta0 必须是有限值',
    '{name} must be a whole number, got {value}':
        '{name} 必须是整数，收到的是 {value}',
    'steps must be between 0 and {limit}, got {value}':
        'steps 必须介于 0 到 {limit} 之间，收到的是 {value}',
    '{name} has {n} values: give theta0 of shape ({n}, 2)':
        '{name} 有 {n} 个值：请提供形状为 ({n}, 2) 的 theta0',
    '{name} has {n} values but theta0 has {rows} rows':
        '{name} 有 {n} 个值，但 theta0 有 {rows} 行',
    '{optimizer} needs a loss with a Hessian':
        '{optimizer} 需要有黑塞矩阵的损失函数',
    'the loss is not finite at the start point: choose another start instead of ({x}, {y})':
        '损失函数在起点 ({x}, {y}) 处不是有限值：请换一个起点',
    'feature scaling compares two features x₁ and x₂; the data has {n} feature column':
        '特征缩放比较的是两个特征 x₁ 和 x₂；这份数据有 {n} 个特征列',
    'feature scaling compares two features x₁ and x₂; the data has {n} feature columns':
        '特征缩放比较的是两个特征 x₁ 和 x₂；这份数据有 {n} 个特征列',
    'the features are too large or too small to pick a learning rate':
        '特征太大或太小，无法选出学习率',
    'the data has no feature column':
        '数据没有特征列',
    'this lesson fits y = b + w x with one feature; the data has {n} (use first_feature)':
        '这一课用一个特征拟合 y = b + w x；这份数据有 {n} 个（请用 first_feature）',
    'n and batch_size must be >= 1 and examples >= 0':
        'n 和 batch_size 必须 >= 1，examples 必须 >= 0',
    '{name} must be a finite number, got {value}':
        '{name} 必须是有限值，收到的是 {value}',
    'the first derivative does not exist at x0 = {x0} (a corner): choose another point':
        '一阶导数在 x0 = {x0} 处不存在（尖点）：请换一个点',
    'the second derivative does not exist at x0 = {x0} (a corner): choose another point':
        '二阶导数在 x0 = {x0} 处不存在（尖点）：请换一个点',
    'the third derivative does not exist at x0 = {x0} (a corner): choose another point':
        '三阶导数在 x0 = {x0} 处不存在（尖点）：请换一个点',
    'the {k}th derivative does not exist at x0 = {x0} (a corner): choose another point':
        '{k} 阶导数在 x0 = {x0} 处不存在（尖点）：请换一个点',
    'the function is not finite at x0 = {x0}: choose another point':
        '函数在 x0 = {x0} 处不是有限值：请换一个点',
    'the first derivative is not finite at x0 = {x0}: choose another point':
        '一阶导数在 x0 = {x0} 处不是有限值：请换一个点',
    'the second derivative is not finite at x0 = {x0}: choose another point':
        '二阶导数在 x0 = {x0} 处不是有限值：请换一个点',
    'the third derivative is not finite at x0 = {x0}: choose another point':
        '三阶导数在 x0 = {x0} 处不是有限值：请换一个点',
    'the {k}th derivative is not finite at x0 = {x0}: choose another point':
        '{k} 阶导数在 x0 = {x0} 处不是有限值：请换一个点',
    'the loss or its gradient is not finite at (a, b): choose another point':
        '损失函数或它的梯度在 (a, b) 处不是有限值：请换一个点',
    'the radius d must be a finite number >= 0, got {value}':
        '半径 d 必须是大于或等于 0 的有限值，收到的是 {value}',
    'the loss or its derivatives are not finite at (a, b): choose another point':
        '损失函数或它的导数在 (a, b) 处不是有限值：请换一个点',
    'the Hessian is not finite at that point':
        '黑塞矩阵在那个点处不是有限值',
    'the gradients must be a non-empty list of numbers':
        '梯度必须是一串数字，不能为空',
    'at most {n} gradients':
        '最多 {n} 个梯度',
    'every gradient must be a finite number':
        '每个梯度都必须是有限值',
    'a must be > 0 so that the parabola has a minimum, got {value}':
        'a 必须大于 0，抛物线才有最小值，收到的是 {value}',
    'the first derivatives must be finite numbers':
        '一阶导数必须都是有限值',
    'x_range must have min < max':
        'x_range 必须 min < max',
    'eta must be > 0, got {value}':
        'eta 必须大于 0，收到的是 {value}',
    'low must be smaller than high':
        'low 必须小于 high',
    'every sample point must be a finite number':
        '每个采样点都必须是有限值',
    ('‖∇L‖ = {g} is too small for η = d / ‖∇L‖ to be a number: the step is written with the unit direction '
     '∇L / ‖∇L‖ instead.'):
        '‖∇L‖ = {g} 太小，η = d / ‖∇L‖ 无法成为一个数：这一步改用单位方向 ∇L / ‖∇L‖ 来写。',
}
