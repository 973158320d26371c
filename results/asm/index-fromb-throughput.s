# gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
00000000000ad700 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>>:
   ad700:	push   %rbp
   ad701:	push   %r15
   ad703:	push   %r14
   ad705:	push   %r13
   ad707:	push   %r12
   ad709:	push   %rbx
   ad70a:	sub    $0x48,%rsp
   ad70e:	mov    %rcx,%r12
   ad711:	mov    %rdx,%r15
   ad714:	mov    %rsi,%r13
   ad717:	mov    %rdi,%r14
   ad71a:	mov    $0x1,%edi
   ad71f:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   ad724:	mov    %rax,0x20(%rsp)
   ad729:	mov    %edx,0x4(%rsp)
   ad72d:	xor    %ebx,%ebx
   ad72f:	test   %r12,%r12
   ad732:	je     ad784 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>+0x84>
   ad734:	xor    %edi,%edi
   ad736:	lea    0x8(%rsp),%rax
   ad73b:	xor    %ebp,%ebp
   ad73d:	nopl   (%rax)
   ad740:	mov    %r14,0x8(%rsp)
   ad745:	cmp    %r15,%rdi
   ad748:	jae    ad7ed <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>+0xed>
   ad74e:	mov    0x8(%rsp),%rcx
   ad753:	movzbl (%rcx),%ecx
   ad756:	mov    $0xffffffffffffffff,%rdx
   ad75d:	shl    %cl,%rdx
   ad760:	not    %rdx
   ad763:	and    0x0(%r13,%rdi,8),%rdx
   ad768:	add    %rdx,%rbp
   ad76b:	mov    %rdi,%rcx
   ad76e:	inc    %rcx
   ad771:	cmp    %r15,%rcx
   ad774:	mov    $0x0,%edi
   ad779:	cmovne %rcx,%rdi
   ad77d:	dec    %r12
   ad780:	jne    ad740 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>+0x40>
   ad782:	jmp    ad786 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>+0x86>
   ad784:	xor    %ebp,%ebp
   ad786:	mov    $0x1,%edi
   ad78b:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   ad790:	mov    %rax,0x28(%rsp)
   ad795:	mov    %edx,0x30(%rsp)
   ad799:	mov    0x20(%rsp),%rax
   ad79e:	mov    %rax,0x38(%rsp)
   ad7a3:	mov    0x4(%rsp),%eax
   ad7a7:	mov    %eax,0x40(%rsp)
   ad7ab:	lea    0x8(%rsp),%rdi
   ad7b0:	lea    0x28(%rsp),%rsi
   ad7b5:	lea    0x38(%rsp),%rdx
   ad7ba:	call   1986d0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
   ad7bf:	cmpb   $0x0,0x8(%rsp)
   ad7c4:	mov    0x18(%rsp),%edx
   ad7c8:	cmovne %ebx,%edx
   ad7cb:	cmove  0x10(%rsp),%rbx
   ad7d1:	mov    %rbp,0x8(%rsp)
   ad7d6:	lea    0x8(%rsp),%rax
   ad7db:	mov    %rbx,%rax
   ad7de:	add    $0x48,%rsp
   ad7e2:	pop    %rbx
   ad7e3:	pop    %r12
   ad7e5:	pop    %r13
   ad7e7:	pop    %r14
   ad7e9:	pop    %r15
   ad7eb:	pop    %rbp
   ad7ec:	ret
   ad7ed:	lea    0x114a5c(%rip),%rdx        # 1c2250 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x298>
   ad7f4:	mov    %r15,%rsi
   ad7f7:	call   *0x118bf3(%rip)        # 1c63f0 <_DYNAMIC+0x250>
