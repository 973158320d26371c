# gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
00000000000ad8f0 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>>:
   ad8f0:	push   %rbp
   ad8f1:	push   %r15
   ad8f3:	push   %r14
   ad8f5:	push   %r13
   ad8f7:	push   %r12
   ad8f9:	push   %rbx
   ad8fa:	sub    $0x48,%rsp
   ad8fe:	mov    %rcx,%r13
   ad901:	mov    %rdx,%r12
   ad904:	mov    %rsi,%r15
   ad907:	mov    %rdi,%rbp
   ad90a:	mov    $0x1,%edi
   ad90f:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   ad914:	mov    %rax,0x20(%rsp)
   ad919:	mov    %edx,0x4(%rsp)
   ad91d:	xor    %ebx,%ebx
   ad91f:	test   %r13,%r13
   ad922:	je     ad97a <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>+0x8a>
   ad924:	movabs $0x7fffffffffffffff,%rax
   ad92e:	add    %r12,%rax
   ad931:	xor    %r14d,%r14d
   ad934:	lea    0x8(%rsp),%rdx
   ad939:	nopl   0x0(%rax)
   ad940:	mov    %rbp,0x8(%rsp)
   ad945:	mov    0x8(%rsp),%rcx
   ad94a:	mov    %r14d,%esi
   ad94d:	and    $0x1,%esi
   ad950:	shl    $0x4,%esi
   ad953:	movzbl (%rcx,%rsi,1),%ecx
   ad957:	mov    $0xffffffffffffffff,%rsi
   ad95e:	shl    %cl,%rsi
   ad961:	not    %rsi
   ad964:	and    %rax,%r14
   ad967:	and    %rsi,%r14
   ad96a:	cmp    %r12,%r14
   ad96d:	jae    ad9e4 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>+0xf4>
   ad96f:	mov    (%r15,%r14,8),%r14
   ad973:	dec    %r13
   ad976:	jne    ad940 <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>+0x50>
   ad978:	jmp    ad97d <gomap_bench::harness::index_kernels::latency::<gomap_bench::gomap::locate::FromB>+0x8d>
   ad97a:	xor    %r14d,%r14d
   ad97d:	mov    $0x1,%edi
   ad982:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   ad987:	mov    %rax,0x28(%rsp)
   ad98c:	mov    %edx,0x30(%rsp)
   ad990:	mov    0x20(%rsp),%rax
   ad995:	mov    %rax,0x38(%rsp)
   ad99a:	mov    0x4(%rsp),%eax
   ad99e:	mov    %eax,0x40(%rsp)
   ad9a2:	lea    0x8(%rsp),%rdi
   ad9a7:	lea    0x28(%rsp),%rsi
   ad9ac:	lea    0x38(%rsp),%rdx
   ad9b1:	call   1986d0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
   ad9b6:	cmpb   $0x0,0x8(%rsp)
   ad9bb:	mov    0x18(%rsp),%edx
   ad9bf:	cmovne %ebx,%edx
   ad9c2:	cmove  0x10(%rsp),%rbx
   ad9c8:	mov    %r14,0x8(%rsp)
   ad9cd:	lea    0x8(%rsp),%rax
   ad9d2:	mov    %rbx,%rax
   ad9d5:	add    $0x48,%rsp
   ad9d9:	pop    %rbx
   ad9da:	pop    %r12
   ad9dc:	pop    %r13
   ad9de:	pop    %r14
   ad9e0:	pop    %r15
   ad9e2:	pop    %rbp
   ad9e3:	ret
   ad9e4:	lea    0x11487d(%rip),%rdx        # 1c2268 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x2b0>
   ad9eb:	mov    %r14,%rdi
   ad9ee:	mov    %r12,%rsi
   ad9f1:	call   *0x1189f9(%rip)        # 1c63f0 <_DYNAMIC+0x250>
