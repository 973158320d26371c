# gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
000000000010c530 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>>:
  10c530:	push   %rbp
  10c531:	push   %r15
  10c533:	push   %r14
  10c535:	push   %r13
  10c537:	push   %r12
  10c539:	push   %rbx
  10c53a:	sub    $0x48,%rsp
  10c53e:	mov    %rcx,%r12
  10c541:	mov    %rdx,%r15
  10c544:	mov    %rsi,%r13
  10c547:	mov    %rdi,%r14
  10c54a:	mov    $0x1,%edi
  10c54f:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  10c554:	mov    %rax,0x20(%rsp)
  10c559:	mov    %edx,0x4(%rsp)
  10c55d:	xor    %ebx,%ebx
  10c55f:	test   %r12,%r12
  10c562:	je     10c59e <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>+0x6e>
  10c564:	lea    -0x1(%r15),%rax
  10c568:	xor    %ebp,%ebp
  10c56a:	lea    0x8(%rsp),%rcx
  10c56f:	nop
  10c570:	mov    %r14,0x8(%rsp)
  10c575:	mov    0x8(%rsp),%rdx
  10c57a:	mov    %ebp,%esi
  10c57c:	and    $0x1,%esi
  10c57f:	shl    $0x4,%esi
  10c582:	mov    0x8(%rdx,%rsi,1),%rdi
  10c587:	and    %rax,%rdi
  10c58a:	and    %rbp,%rdi
  10c58d:	cmp    %r15,%rdi
  10c590:	jae    10c607 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>+0xd7>
  10c592:	mov    0x0(%r13,%rdi,8),%rbp
  10c597:	dec    %r12
  10c59a:	jne    10c570 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>+0x40>
  10c59c:	jmp    10c5a0 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>+0x70>
  10c59e:	xor    %ebp,%ebp
  10c5a0:	mov    $0x1,%edi
  10c5a5:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  10c5aa:	mov    %rax,0x28(%rsp)
  10c5af:	mov    %edx,0x30(%rsp)
  10c5b3:	mov    0x20(%rsp),%rax
  10c5b8:	mov    %rax,0x38(%rsp)
  10c5bd:	mov    0x4(%rsp),%eax
  10c5c1:	mov    %eax,0x40(%rsp)
  10c5c5:	lea    0x8(%rsp),%rdi
  10c5ca:	lea    0x28(%rsp),%rsi
  10c5cf:	lea    0x38(%rsp),%rdx
  10c5d4:	call   2896f0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
  10c5d9:	cmpb   $0x0,0x8(%rsp)
  10c5de:	mov    0x18(%rsp),%edx
  10c5e2:	cmovne %ebx,%edx
  10c5e5:	cmove  0x10(%rsp),%rbx
  10c5eb:	mov    %rbp,0x8(%rsp)
  10c5f0:	lea    0x8(%rsp),%rax
  10c5f5:	mov    %rbx,%rax
  10c5f8:	add    $0x48,%rsp
  10c5fc:	pop    %rbx
  10c5fd:	pop    %r12
  10c5ff:	pop    %r13
  10c601:	pop    %r14
  10c603:	pop    %r15
  10c605:	pop    %rbp
  10c606:	ret
  10c607:	lea    0x1aa1fa(%rip),%rdx        # 2b6808 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x598>
  10c60e:	mov    %r15,%rsi
  10c611:	call   *0x1b0061(%rip)        # 2bc678 <_DYNAMIC+0x218>
