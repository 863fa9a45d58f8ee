"""The learning-rate sweep bar: 1,000 learning rates x 1,000 steps of GD on 0.1x² + 2y².

Prints, measured in this one run:
- batched / separate: one batched ``gd_core.run`` against 1,000 separate runs (bar: >= 30x faster);
- batched / fused: against a hand-written fused NumPy loop on the closed-form gradient that
  records the same path and losses (bar: within 3x).

Usage: python benchmarks/batch_sweep.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gd_core
from gd_core import optimizers

B, STEPS = 1000, 1000
THETA0 = (-5.0, -2.0)


def batched(loss, lrs):
    return gd_core.run(loss, optimizers.gd(lrs), np.tile(THETA0, (B, 1)), STEPS)


def separate(loss, lrs):
    return [gd_core.run(loss, optimizers.gd(float(lr)), THETA0, STEPS) for lr in lrs]


def fused(lrs):
    """GD on 0.1x² + 2y² by hand: ∇L = (0.2x, 4y), recording θ and L(θ) at every step."""
    theta = np.tile(THETA0, (B, 1))
    lr = lrs[:, None]
    curvature = np.array([0.2, 4.0])
    params = np.empty((STEPS + 1, B, 2))
    params[0] = theta
    with np.errstate(all="ignore"):
        for t in range(STEPS):
            theta = theta - lr * (curvature * theta)
            params[t + 1] = theta
        losses = 0.1 * params[..., 0] ** 2 + 2 * params[..., 1] ** 2
    return params, losses


def best_of(fn, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    loss = gd_core.parse_loss("0.1*x**2 + 2*y**2")
    lrs = np.geomspace(1e-3, 0.49, B)  # all converge: 2/λ_max = 0.5

    # Same numbers from all three (checked, not assumed).
    traj = batched(loss, lrs)
    params, losses = fused(lrs)
    assert np.allclose(traj.params, params, rtol=1e-12, atol=1e-300)
    assert np.allclose(traj.losses, losses, rtol=1e-12, atol=1e-300)
    one = gd_core.run(loss, optimizers.gd(float(lrs[7])), THETA0, STEPS)
    assert np.array_equal(one.params, traj.params[:, 7])

    t_batched = best_of(lambda: batched(loss, lrs), args.repeats)
    t_fused = best_of(lambda: fused(lrs), args.repeats)
    t_separate = best_of(lambda: separate(loss, lrs), 1)

    speedup = t_separate / t_batched
    overhead = t_batched / t_fused
    print(f"{B} learning rates x {STEPS} steps of gd on 0.1x^2 + 2y^2")
    print(f"  batched run      {t_batched * 1e3:9.1f} ms")
    print(f"  separate runs    {t_separate * 1e3:9.1f} ms")
    print(f"  fused NumPy loop {t_fused * 1e3:9.1f} ms")
    print(f"separate / batched = {speedup:6.1f}x  (bar: >= 30x)  {'MET' if speedup >= 30 else 'NOT MET'}")
    print(f"batched / fused    = {overhead:6.2f}x  (bar: <= 3x)   {'MET' if overhead <= 3 else 'NOT MET'}")


if __name__ == "__main__":
    main()
