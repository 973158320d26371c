# gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
00000000000ad800 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>>:
   ad800:	push   %rbp
   ad801:	push   %r15
   ad803:	push   %r14
   ad805:	push   %r13
   ad807:	push   %r12
   ad809:	push   %rbx
   ad80a:	sub    $0x48,%rsp
   ad80e:	mov    %rcx,%r12
   ad811:	mov    %rdx,%r15
   ad814:	mov    %rsi,%r13
   ad817:	mov    %rdi,%r14
   ad81a:	mov    $0x1,%edi
   ad81f:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   ad824:	mov    %rax,0x20(%rsp)
   ad829:	mov    %edx,0x4(%rsp)
   ad82d:	xor    %ebx,%ebx
   ad82f:	test   %r12,%r12
   ad832:	je     ad86e <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>+0x6e>
   ad834:	lea    -0x1(%r15),%rax
   ad838:	xor    %ebp,%ebp
   ad83a:	lea    0x8(%rsp),%rcx
   ad83f:	nop
   ad840:	mov    %r14,0x8(%rsp)
   ad845:	mov    0x8(%rsp),%rdx
   ad84a:	mov    %ebp,%esi
   ad84c:	and    $0x1,%esi
   ad84f:	shl    $0x4,%esi
   ad852:	mov    0x8(%rdx,%rsi,1),%rdi
   ad857:	and    %rax,%rdi
   ad85a:	and    %rbp,%rdi
   ad85d:	cmp    %r15,%rdi
   ad860:	jae    ad8d7 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>+0xd7>
   ad862:	mov    0x0(%r13,%rdi,8),%rbp
   ad867:	dec    %r12
   ad86a:	jne    ad840 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>+0x40>
   ad86c:	jmp    ad870 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::Precomputed>+0x70>
   ad86e:	xor    %ebp,%ebp
   ad870:	mov    $0x1,%edi
   ad875:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   ad87a:	mov    %rax,0x28(%rsp)
   ad87f:	mov    %edx,0x30(%rsp)
   ad883:	mov    0x20(%rsp),%rax
   ad888:	mov    %rax,0x38(%rsp)
   ad88d:	mov    0x4(%rsp),%eax
   ad891:	mov    %eax,0x40(%rsp)
   ad895:	lea    0x8(%rsp),%rdi
   ad89a:	lea    0x28(%rsp),%rsi
   ad89f:	lea    0x38(%rsp),%rdx
   ad8a4:	call   1986d0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
   ad8a9:	cmpb   $0x0,0x8(%rsp)
   ad8ae:	mov    0x18(%rsp),%edx
   ad8b2:	cmovne %ebx,%edx
   ad8b5:	cmove  0x10(%rsp),%rbx
   ad8bb:	mov    %rbp,0x8(%rsp)
   ad8c0:	lea    0x8(%rsp),%rax
   ad8c5:	mov    %rbx,%rax
   ad8c8:	add    $0x48,%rsp
   ad8cc:	pop    %rbx
   ad8cd:	pop    %r12
   ad8cf:	pop    %r13
   ad8d1:	pop    %r14
   ad8d3:	pop    %r15
   ad8d5:	pop    %rbp
   ad8d6:	ret
   ad8d7:	lea    0x11498a(%rip),%rdx        # 1c2268 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x2b0>
   ad8de:	mov    %r15,%rsi
   ad8e1:	call   *0x118b09(%rip)        # 1c63f0 <_DYNAMIC+0x250>
