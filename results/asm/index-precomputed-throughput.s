# gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
000000000010c330 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>>:
  10c330:	push   %rbp
  10c331:	push   %r15
  10c333:	push   %r14
  10c335:	push   %r13
  10c337:	push   %r12
  10c339:	push   %rbx
  10c33a:	sub    $0x48,%rsp
  10c33e:	mov    %rcx,%r12
  10c341:	mov    %rdx,%r15
  10c344:	mov    %rsi,%r13
  10c347:	mov    %rdi,%r14
  10c34a:	mov    $0x1,%edi
  10c34f:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  10c354:	mov    %rax,0x20(%rsp)
  10c359:	mov    %edx,0x4(%rsp)
  10c35d:	xor    %ebx,%ebx
  10c35f:	test   %r12,%r12
  10c362:	je     10c3a8 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>+0x78>
  10c364:	xor    %edi,%edi
  10c366:	lea    0x8(%rsp),%rax
  10c36b:	xor    %ebp,%ebp
  10c36d:	nopl   (%rax)
  10c370:	mov    %r14,0x8(%rsp)
  10c375:	cmp    %r15,%rdi
  10c378:	jae    10c411 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>+0xe1>
  10c37e:	mov    0x8(%rsp),%rcx
  10c383:	mov    0x8(%rcx),%rcx
  10c387:	and    0x0(%r13,%rdi,8),%rcx
  10c38c:	add    %rcx,%rbp
  10c38f:	mov    %rdi,%rcx
  10c392:	inc    %rcx
  10c395:	cmp    %r15,%rcx
  10c398:	mov    $0x0,%edi
  10c39d:	cmovne %rcx,%rdi
  10c3a1:	dec    %r12
  10c3a4:	jne    10c370 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>+0x40>
  10c3a6:	jmp    10c3aa <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>+0x7a>
  10c3a8:	xor    %ebp,%ebp
  10c3aa:	mov    $0x1,%edi
  10c3af:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  10c3b4:	mov    %rax,0x28(%rsp)
  10c3b9:	mov    %edx,0x30(%rsp)
  10c3bd:	mov    0x20(%rsp),%rax
  10c3c2:	mov    %rax,0x38(%rsp)
  10c3c7:	mov    0x4(%rsp),%eax
  10c3cb:	mov    %eax,0x40(%rsp)
  10c3cf:	lea    0x8(%rsp),%rdi
  10c3d4:	lea    0x28(%rsp),%rsi
  10c3d9:	lea    0x38(%rsp),%rdx
  10c3de:	call   2896f0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
  10c3e3:	cmpb   $0x0,0x8(%rsp)
  10c3e8:	mov    0x18(%rsp),%edx
  10c3ec:	cmovne %ebx,%edx
  10c3ef:	cmove  0x10(%rsp),%rbx
  10c3f5:	mov    %rbp,0x8(%rsp)
  10c3fa:	lea    0x8(%rsp),%rax
  10c3ff:	mov    %rbx,%rax
  10c402:	add    $0x48,%rsp
  10c406:	pop    %rbx
  10c407:	pop    %r12
  10c409:	pop    %r13
  10c40b:	pop    %r14
  10c40d:	pop    %r15
  10c40f:	pop    %rbp
  10c410:	ret
  10c411:	lea    0x1aa3d8(%rip),%rdx        # 2b67f0 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x580>
  10c418:	mov    %r15,%rsi
  10c41b:	call   *0x1b0257(%rip)        # 2bc678 <_DYNAMIC+0x218>
