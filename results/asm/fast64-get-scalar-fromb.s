# gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
000000000013f3f0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>>:
  13f3f0:	push   %rbp
  13f3f1:	push   %r15
  13f3f3:	push   %r14
  13f3f5:	push   %r13
  13f3f7:	push   %r12
  13f3f9:	push   %rbx
  13f3fa:	sub    $0x68,%rsp
  13f3fe:	mov    %r9,%r12
  13f401:	mov    %rcx,%r13
  13f404:	mov    %rdx,0x40(%rsp)
  13f409:	mov    %rsi,%r14
  13f40c:	mov    %rdi,0x38(%rsp)
  13f411:	mov    %r8,0x30(%rsp)
  13f416:	mov    (%r8),%r15
  13f419:	mov    $0x1,%edi
  13f41e:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  13f423:	mov    %rax,0x28(%rsp)
  13f428:	mov    %edx,0xc(%rsp)
  13f42c:	test   %r12,%r12
  13f42f:	je     13f6b5 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2c5>
  13f435:	lea    0x10(%rsp),%rdi
  13f43a:	mov    0x17da0f(%rip),%r8        # 2bce50 <_DYNAMIC+0x9f0>
  13f441:	xor    %ebx,%ebx
  13f443:	xor    %ebp,%ebp
  13f445:	xor    %r9d,%r9d
  13f448:	jmp    13f475 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x85>
  13f44a:	nopw   0x0(%rax,%rax,1)
  13f450:	xor    %eax,%eax
  13f452:	xor    %ecx,%ecx
  13f454:	add    %rax,%rbx
  13f457:	add    %rcx,%rbp
  13f45a:	inc    %r9
  13f45d:	inc    %r15
  13f460:	cmp    %r13,%r15
  13f463:	mov    $0x0,%eax
  13f468:	cmove  %rax,%r15
  13f46c:	cmp    %r12,%r9
  13f46f:	je     13f6b9 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2c9>
  13f475:	mov    %r14,0x10(%rsp)
  13f47a:	cmp    %r13,%r15
  13f47d:	jae    13f739 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x349>
  13f483:	mov    0x10(%rsp),%r11
  13f488:	cmpq   $0x0,0x70(%r11)
  13f48d:	je     13f450 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x60>
  13f48f:	mov    0x40(%rsp),%rax
  13f494:	mov    (%rax,%r15,8),%r10
  13f498:	movzbl 0x93(%r11),%ecx
  13f4a0:	test   %rcx,%rcx
  13f4a3:	je     13f5d0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1e0>
  13f4a9:	mov    0x80(%r11),%rax
  13f4b0:	xor    %r10,%rax
  13f4b3:	mulq   (%r8)
  13f4b6:	xor    %rax,%rdx
  13f4b9:	mov    $0xffffffffffffffff,%rsi
  13f4c0:	shl    %cl,%rsi
  13f4c3:	not    %rsi
  13f4c6:	mov    %rdx,%rax
  13f4c9:	and    %rsi,%rax
  13f4cc:	lea    (%rax,%rax,8),%rax
  13f4d0:	shl    $0x4,%rax
  13f4d4:	add    0x18(%r11),%rax
  13f4d8:	xor    %ecx,%ecx
  13f4da:	cmp    0x38(%r11),%rcx
  13f4de:	jo     13f530 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x140>
  13f4e0:	testb  $0x8,0x92(%r11)
  13f4e8:	sete   %cl
  13f4eb:	shr    %cl,%rsi
  13f4ee:	and    %rdx,%rsi
  13f4f1:	mov    0x50(%r11),%rcx
  13f4f5:	lea    (%rsi,%rsi,8),%rdx
  13f4f9:	shl    $0x4,%rdx
  13f4fd:	movzbl (%rcx,%rdx,1),%esi
  13f501:	add    $0xfb,%sil
  13f505:	cmp    $0xfd,%sil
  13f509:	jae    13f530 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x140>
  13f50b:	add    %rdx,%rcx
  13f50e:	mov    %rcx,%rax
  13f511:	jmp    13f530 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x140>
  13f513:	data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
  13f520:	mov    0x88(%rax),%rax
  13f527:	test   %rax,%rax
  13f52a:	je     13f450 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x60>
  13f530:	prefetcht0 0x47(%rax)
  13f534:	prefetcht0 0x48(%rax)
  13f538:	prefetcht0 0x87(%rax)
  13f53f:	cmp    %r10,0x8(%rax)
  13f543:	jne    13f54e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x15e>
  13f545:	cmpb   $0x1,(%rax)
  13f548:	ja     13f665 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x275>
  13f54e:	cmp    %r10,0x10(%rax)
  13f552:	jne    13f55e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x16e>
  13f554:	cmpb   $0x1,0x1(%rax)
  13f558:	ja     13f669 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x279>
  13f55e:	cmp    %r10,0x18(%rax)
  13f562:	jne    13f56e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x17e>
  13f564:	cmpb   $0x1,0x2(%rax)
  13f568:	ja     13f670 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x280>
  13f56e:	cmp    %r10,0x20(%rax)
  13f572:	jne    13f57e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x18e>
  13f574:	cmpb   $0x1,0x3(%rax)
  13f578:	ja     13f677 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x287>
  13f57e:	cmp    %r10,0x28(%rax)
  13f582:	jne    13f58e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x19e>
  13f584:	cmpb   $0x1,0x4(%rax)
  13f588:	ja     13f67e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x28e>
  13f58e:	cmp    %r10,0x30(%rax)
  13f592:	jne    13f59e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1ae>
  13f594:	cmpb   $0x1,0x5(%rax)
  13f598:	ja     13f685 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x295>
  13f59e:	cmp    %r10,0x38(%rax)
  13f5a2:	jne    13f5ae <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1be>
  13f5a4:	cmpb   $0x1,0x6(%rax)
  13f5a8:	ja     13f68c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x29c>
  13f5ae:	cmp    %r10,0x40(%rax)
  13f5b2:	jne    13f520 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x130>
  13f5b8:	cmpb   $0x1,0x7(%rax)
  13f5bc:	jbe    13f520 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x130>
  13f5c2:	jmp    13f65e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x26e>
  13f5c7:	nopw   0x0(%rax,%rax,1)
  13f5d0:	mov    0x18(%r11),%rax
  13f5d4:	jmp    13f5f0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x200>
  13f5d6:	cs nopw 0x0(%rax,%rax,1)
  13f5e0:	mov    0x88(%rax),%rax
  13f5e7:	test   %rax,%rax
  13f5ea:	je     13f450 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x60>
  13f5f0:	prefetcht0 0x47(%rax)
  13f5f4:	prefetcht0 0x48(%rax)
  13f5f8:	prefetcht0 0x87(%rax)
  13f5ff:	cmp    %r10,0x8(%rax)
  13f603:	jne    13f60a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x21a>
  13f605:	cmpb   $0x1,(%rax)
  13f608:	ja     13f665 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x275>
  13f60a:	cmp    %r10,0x10(%rax)
  13f60e:	jne    13f616 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x226>
  13f610:	cmpb   $0x1,0x1(%rax)
  13f614:	ja     13f669 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x279>
  13f616:	cmp    %r10,0x18(%rax)
  13f61a:	jne    13f622 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x232>
  13f61c:	cmpb   $0x1,0x2(%rax)
  13f620:	ja     13f670 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x280>
  13f622:	cmp    %r10,0x20(%rax)
  13f626:	jne    13f62e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x23e>
  13f628:	cmpb   $0x1,0x3(%rax)
  13f62c:	ja     13f677 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x287>
  13f62e:	cmp    %r10,0x28(%rax)
  13f632:	jne    13f63a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x24a>
  13f634:	cmpb   $0x1,0x4(%rax)
  13f638:	ja     13f67e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x28e>
  13f63a:	cmp    %r10,0x30(%rax)
  13f63e:	jne    13f646 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x256>
  13f640:	cmpb   $0x1,0x5(%rax)
  13f644:	ja     13f685 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x295>
  13f646:	cmp    %r10,0x38(%rax)
  13f64a:	jne    13f652 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x262>
  13f64c:	cmpb   $0x1,0x6(%rax)
  13f650:	ja     13f68c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x29c>
  13f652:	cmp    %r10,0x40(%rax)
  13f656:	jne    13f5e0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1f0>
  13f658:	cmpb   $0x1,0x7(%rax)
  13f65c:	jbe    13f5e0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1f0>
  13f65e:	mov    $0x7,%ecx
  13f663:	jmp    13f6a0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2b0>
  13f665:	xor    %ecx,%ecx
  13f667:	jmp    13f6a0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2b0>
  13f669:	mov    $0x1,%ecx
  13f66e:	jmp    13f6a0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2b0>
  13f670:	mov    $0x2,%ecx
  13f675:	jmp    13f6a0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2b0>
  13f677:	mov    $0x3,%ecx
  13f67c:	jmp    13f6a0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2b0>
  13f67e:	mov    $0x4,%ecx
  13f683:	jmp    13f6a0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2b0>
  13f685:	mov    $0x5,%ecx
  13f68a:	jmp    13f6a0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2b0>
  13f68c:	mov    $0x6,%ecx
  13f691:	data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
  13f6a0:	add    $0x48,%rax
  13f6a4:	lea    (%rax,%rcx,8),%rax
  13f6a8:	mov    (%rax),%rcx
  13f6ab:	mov    $0x1,%eax
  13f6b0:	jmp    13f454 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x64>
  13f6b5:	xor    %ebp,%ebp
  13f6b7:	xor    %ebx,%ebx
  13f6b9:	mov    $0x1,%edi
  13f6be:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  13f6c3:	mov    %rax,0x48(%rsp)
  13f6c8:	mov    %edx,0x50(%rsp)
  13f6cc:	mov    0x28(%rsp),%rax
  13f6d1:	mov    %rax,0x58(%rsp)
  13f6d6:	mov    0xc(%rsp),%eax
  13f6da:	mov    %eax,0x60(%rsp)
  13f6de:	lea    0x10(%rsp),%rdi
  13f6e3:	lea    0x48(%rsp),%rsi
  13f6e8:	lea    0x58(%rsp),%rdx
  13f6ed:	call   2896f0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
  13f6f2:	cmpb   $0x0,0x10(%rsp)
  13f6f7:	mov    0x20(%rsp),%edx
  13f6fb:	mov    $0x0,%esi
  13f700:	cmovne %esi,%edx
  13f703:	cmove  0x18(%rsp),%rsi
  13f709:	mov    %rbp,0x10(%rsp)
  13f70e:	lea    0x10(%rsp),%rcx
  13f713:	mov    0x30(%rsp),%rax
  13f718:	mov    %r15,(%rax)
  13f71b:	mov    0x38(%rsp),%rax
  13f720:	mov    %rsi,(%rax)
  13f723:	mov    %edx,0x8(%rax)
  13f726:	mov    %rbx,0x10(%rax)
  13f72a:	add    $0x68,%rsp
  13f72e:	pop    %rbx
  13f72f:	pop    %r12
  13f731:	pop    %r13
  13f733:	pop    %r14
  13f735:	pop    %r15
  13f737:	pop    %rbp
  13f738:	ret
  13f739:	lea    0x177828(%rip),%rdx        # 2b6f68 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0xcf8>
  13f740:	mov    %r15,%rdi
  13f743:	mov    %r13,%rsi
  13f746:	call   *0x17cf2c(%rip)        # 2bc678 <_DYNAMIC+0x218>
