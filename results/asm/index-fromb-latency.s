# gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
000000000010c620 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>>:
  10c620:	push   %rbp
  10c621:	push   %r15
  10c623:	push   %r14
  10c625:	push   %r13
  10c627:	push   %r12
  10c629:	push   %rbx
  10c62a:	sub    $0x48,%rsp
  10c62e:	mov    %rcx,%r13
  10c631:	mov    %rdx,%r12
  10c634:	mov    %rsi,%r15
  10c637:	mov    %rdi,%rbp
  10c63a:	mov    $0x1,%edi
  10c63f:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  10c644:	mov    %rax,0x20(%rsp)
  10c649:	mov    %edx,0x4(%rsp)
  10c64d:	xor    %ebx,%ebx
  10c64f:	test   %r13,%r13
  10c652:	je     10c6aa <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>+0x8a>
  10c654:	movabs $0x7fffffffffffffff,%rax
  10c65e:	add    %r12,%rax
  10c661:	xor    %r14d,%r14d
  10c664:	lea    0x8(%rsp),%rdx
  10c669:	nopl   0x0(%rax)
  10c670:	mov    %rbp,0x8(%rsp)
  10c675:	mov    0x8(%rsp),%rcx
  10c67a:	mov    %r14d,%esi
  10c67d:	and    $0x1,%esi
  10c680:	shl    $0x4,%esi
  10c683:	movzbl (%rcx,%rsi,1),%ecx
  10c687:	mov    $0xffffffffffffffff,%rsi
  10c68e:	shl    %cl,%rsi
  10c691:	not    %rsi
  10c694:	and    %rax,%r14
  10c697:	and    %rsi,%r14
  10c69a:	cmp    %r12,%r14
  10c69d:	jae    10c714 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>+0xf4>
  10c69f:	mov    (%r15,%r14,8),%r14
  10c6a3:	dec    %r13
  10c6a6:	jne    10c670 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>+0x50>
  10c6a8:	jmp    10c6ad <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>+0x8d>
  10c6aa:	xor    %r14d,%r14d
  10c6ad:	mov    $0x1,%edi
  10c6b2:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  10c6b7:	mov    %rax,0x28(%rsp)
  10c6bc:	mov    %edx,0x30(%rsp)
  10c6c0:	mov    0x20(%rsp),%rax
  10c6c5:	mov    %rax,0x38(%rsp)
  10c6ca:	mov    0x4(%rsp),%eax
  10c6ce:	mov    %eax,0x40(%rsp)
  10c6d2:	lea    0x8(%rsp),%rdi
  10c6d7:	lea    0x28(%rsp),%rsi
  10c6dc:	lea    0x38(%rsp),%rdx
  10c6e1:	call   2896f0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
  10c6e6:	cmpb   $0x0,0x8(%rsp)
  10c6eb:	mov    0x18(%rsp),%edx
  10c6ef:	cmovne %ebx,%edx
  10c6f2:	cmove  0x10(%rsp),%rbx
  10c6f8:	mov    %r14,0x8(%rsp)
  10c6fd:	lea    0x8(%rsp),%rax
  10c702:	mov    %rbx,%rax
  10c705:	add    $0x48,%rsp
  10c709:	pop    %rbx
  10c70a:	pop    %r12
  10c70c:	pop    %r13
  10c70e:	pop    %r14
  10c710:	pop    %r15
  10c712:	pop    %rbp
  10c713:	ret
  10c714:	lea    0x1aa0ed(%rip),%rdx        # 2b6808 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x598>
  10c71b:	mov    %r14,%rdi
  10c71e:	mov    %r12,%rsi
  10c721:	call   *0x1aff51(%rip)        # 2bc678 <_DYNAMIC+0x218>
