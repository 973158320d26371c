# gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
000000000010c430 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>>:
  10c430:	push   %rbp
  10c431:	push   %r15
  10c433:	push   %r14
  10c435:	push   %r13
  10c437:	push   %r12
  10c439:	push   %rbx
  10c43a:	sub    $0x48,%rsp
  10c43e:	mov    %rcx,%r12
  10c441:	mov    %rdx,%r15
  10c444:	mov    %rsi,%r13
  10c447:	mov    %rdi,%r14
  10c44a:	mov    $0x1,%edi
  10c44f:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  10c454:	mov    %rax,0x20(%rsp)
  10c459:	mov    %edx,0x4(%rsp)
  10c45d:	xor    %ebx,%ebx
  10c45f:	test   %r12,%r12
  10c462:	je     10c4b4 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>+0x84>
  10c464:	xor    %edi,%edi
  10c466:	lea    0x8(%rsp),%rax
  10c46b:	xor    %ebp,%ebp
  10c46d:	nopl   (%rax)
  10c470:	mov    %r14,0x8(%rsp)
  10c475:	cmp    %r15,%rdi
  10c478:	jae    10c51d <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>+0xed>
  10c47e:	mov    0x8(%rsp),%rcx
  10c483:	movzbl (%rcx),%ecx
  10c486:	mov    $0xffffffffffffffff,%rdx
  10c48d:	shl    %cl,%rdx
  10c490:	not    %rdx
  10c493:	and    0x0(%r13,%rdi,8),%rdx
  10c498:	add    %rdx,%rbp
  10c49b:	mov    %rdi,%rcx
  10c49e:	inc    %rcx
  10c4a1:	cmp    %r15,%rcx
  10c4a4:	mov    $0x0,%edi
  10c4a9:	cmovne %rcx,%rdi
  10c4ad:	dec    %r12
  10c4b0:	jne    10c470 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>+0x40>
  10c4b2:	jmp    10c4b6 <gomap_bench::harness::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>+0x86>
  10c4b4:	xor    %ebp,%ebp
  10c4b6:	mov    $0x1,%edi
  10c4bb:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  10c4c0:	mov    %rax,0x28(%rsp)
  10c4c5:	mov    %edx,0x30(%rsp)
  10c4c9:	mov    0x20(%rsp),%rax
  10c4ce:	mov    %rax,0x38(%rsp)
  10c4d3:	mov    0x4(%rsp),%eax
  10c4d7:	mov    %eax,0x40(%rsp)
  10c4db:	lea    0x8(%rsp),%rdi
  10c4e0:	lea    0x28(%rsp),%rsi
  10c4e5:	lea    0x38(%rsp),%rdx
  10c4ea:	call   2896f0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
  10c4ef:	cmpb   $0x0,0x8(%rsp)
  10c4f4:	mov    0x18(%rsp),%edx
  10c4f8:	cmovne %ebx,%edx
  10c4fb:	cmove  0x10(%rsp),%rbx
  10c501:	mov    %rbp,0x8(%rsp)
  10c506:	lea    0x8(%rsp),%rax
  10c50b:	mov    %rbx,%rax
  10c50e:	add    $0x48,%rsp
  10c512:	pop    %rbx
  10c513:	pop    %r12
  10c515:	pop    %r13
  10c517:	pop    %r14
  10c519:	pop    %r15
  10c51b:	pop    %rbp
  10c51c:	ret
  10c51d:	lea    0x1aa2cc(%rip),%rdx        # 2b67f0 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x580>
  10c524:	mov    %r15,%rsi
  10c527:	call   *0x1b014b(%rip)        # 2bc678 <_DYNAMIC+0x218>
