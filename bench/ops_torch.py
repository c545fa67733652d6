#!/usr/bin/python3
"""PyTorch's side of bench's OpTimings: the ops of one LeNet-5 step (batch 64), one thread,
median of 200 calls after 50 warm-up calls. usage: /usr/bin/python3 bench/ops_torch.py"""
import time, statistics, torch, torch.nn.functional as F
torch.set_num_threads(1)
def t(name, fn, n=200):
    for _ in range(n//4): fn()
    ts=[]
    for _ in range(n):
        t0=time.perf_counter(); fn(); ts.append(time.perf_counter()-t0)
    ts.sort(); print(f"{name:60s} median {ts[n//2]*1e3:8.3f} ms  p10 {ts[n//10]*1e3:8.3f} ms")
for name,b,ic,side,oc in [("conv1",64,1,28,6),("conv2",64,6,12,16)]:
    x=torch.rand(b,ic,side,side); w=torch.rand(oc,ic,5,5,requires_grad=True); bias=torch.rand(oc,requires_grad=True)
    xg=x.clone().requires_grad_(True)
    t(name+" fwd", lambda: F.conv2d(x,w,bias))
    y=F.conv2d(xg,w,bias); g=torch.rand_like(y)
    t(name+" bwd (weights+bias+input)", lambda: torch.autograd.grad(F.conv2d(xg,w,bias),(xg,w,bias),g))
    t(name+" bwd (weights+bias only)", lambda: torch.autograd.grad(F.conv2d(x,w,bias),(w,bias),g))
for name,b,c,side in [("pool1",64,6,24),("pool2",64,16,8)]:
    x=torch.rand(b,c,side,side,requires_grad=True)
    t(name+" maxpool fwd", lambda: F.max_pool2d(x,2))
    y=F.max_pool2d(x,2); g=torch.rand_like(y)
    t(name+" maxpool fwd+bwd", lambda: torch.autograd.grad(F.max_pool2d(x,2),x,g))
a=torch.rand(64,256); m=torch.rand(256,120)
t("mmul 64x256*256x120", lambda: a@m)
s=torch.rand(64,84); t("relu 64x84", lambda: torch.relu(s))
