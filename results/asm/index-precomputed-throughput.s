# gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
00000000000ad600 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>>:
   ad600:	push   %rbp
   ad601:	push   %r15
   ad603:	push   %r14
   ad605:	push   %r13
   ad607:	push   %r12
   ad609:	push   %rbx
   ad60a:	sub    $0x48,%rsp
   ad60e:	mov    %rcx,%r12
   ad611:	mov    %rdx,%r15
   ad614:	mov    %rsi,%r13
   ad617:	mov    %rdi,%r14
   ad61a:	mov    $0x1,%edi
   ad61f:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   ad624:	mov    %rax,0x20(%rsp)
   ad629:	mov    %edx,0x4(%rsp)
   ad62d:	xor    %ebx,%ebx
   ad62f:	test   %r12,%r12
   ad632:	je     ad678 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>+0x78>
   ad634:	xor    %edi,%edi
   ad636:	lea    0x8(%rsp),%rax
   ad63b:	xor    %ebp,%ebp
   ad63d:	nopl   (%rax)
   ad640:	mov    %r14,0x8(%rsp)
   ad645:	cmp    %r15,%rdi
   ad648:	jae    ad6e1 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>+0xe1>
   ad64e:	mov    0x8(%rsp),%rcx
   ad653:	mov    0x8(%rcx),%rcx
   ad657:	and    0x0(%r13,%rdi,8),%rcx
   ad65c:	add    %rcx,%rbp
   ad65f:	mov    %rdi,%rcx
   ad662:	inc    %rcx
   ad665:	cmp    %r15,%rcx
   ad668:	mov    $0x0,%edi
   ad66d:	cmovne %rcx,%rdi
   ad671:	dec    %r12
   ad674:	jne    ad640 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>+0x40>
   ad676:	jmp    ad67a <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::Precomputed>+0x7a>
   ad678:	xor    %ebp,%ebp
   ad67a:	mov    $0x1,%edi
   ad67f:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   ad684:	mov    %rax,0x28(%rsp)
   ad689:	mov    %edx,0x30(%rsp)
   ad68d:	mov    0x20(%rsp),%rax
   ad692:	mov    %rax,0x38(%rsp)
   ad697:	mov    0x4(%rsp),%eax
   ad69b:	mov    %eax,0x40(%rsp)
   ad69f:	lea    0x8(%rsp),%rdi
   ad6a4:	lea    0x28(%rsp),%rsi
   ad6a9:	lea    0x38(%rsp),%rdx
   ad6ae:	call   1986d0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
   ad6b3:	cmpb   $0x0,0x8(%rsp)
   ad6b8:	mov    0x18(%rsp),%edx
   ad6bc:	cmovne %ebx,%edx
   ad6bf:	cmove  0x10(%rsp),%rbx
   ad6c5:	mov    %rbp,0x8(%rsp)
   ad6ca:	lea    0x8(%rsp),%rax
   ad6cf:	mov    %rbx,%rax
   ad6d2:	add    $0x48,%rsp
   ad6d6:	pop    %rbx
   ad6d7:	pop    %r12
   ad6d9:	pop    %r13
   ad6db:	pop    %r14
   ad6dd:	pop    %r15
   ad6df:	pop    %rbp
   ad6e0:	ret
   ad6e1:	lea    0x114b68(%rip),%rdx        # 1c2250 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x298>
   ad6e8:	mov    %r15,%rsi
   ad6eb:	call   *0x118cff(%rip)        # 1c63f0 <_DYNAMIC+0x250>
