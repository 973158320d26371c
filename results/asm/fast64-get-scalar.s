# gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
00000000000b6550 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>>:
   b6550:	push   %rbp
   b6551:	push   %r15
   b6553:	push   %r14
   b6555:	push   %r13
   b6557:	push   %r12
   b6559:	push   %rbx
   b655a:	sub    $0x68,%rsp
   b655e:	mov    %r9,%r13
   b6561:	mov    %rcx,%r12
   b6564:	mov    %rdx,%rbp
   b6567:	mov    %rsi,%r14
   b656a:	mov    %rdi,%rbx
   b656d:	mov    %r8,0x18(%rsp)
   b6572:	mov    (%r8),%r15
   b6575:	mov    $0x1,%edi
   b657a:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   b657f:	test   %r13,%r13
   b6582:	mov    %rbx,0x20(%rsp)
   b6587:	mov    %rax,0x10(%rsp)
   b658c:	mov    %edx,0xc(%rsp)
   b6590:	je     b671a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1ca>
   b6596:	mov    0x78(%r14),%rsi
   b659a:	testb  $0x8,0x92(%r14)
   b65a2:	sete   %cl
   b65a5:	mov    %rsi,%rdi
   b65a8:	shr    %cl,%rdi
   b65ab:	mov    %rdi,0x28(%rsp)
   b65b0:	cmpq   $0x0,0x70(%r14)
   b65b5:	je     b6721 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1d1>
   b65bb:	mov    0x18(%r14),%rcx
   b65bf:	mov    %rcx,(%rsp)
   b65c3:	cmpb   $0x0,0x93(%r14)
   b65cb:	je     b67cd <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x27d>
   b65d1:	mov    0x80(%r14),%r8
   b65d8:	mov    0x110349(%rip),%rdi        # 1c6928 <_DYNAMIC+0x788>
   b65df:	mov    (%rdi),%rcx
   b65e2:	mov    0x38(%r14),%rdi
   b65e6:	neg    %rdi
   b65e9:	jno    b68ea <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x39a>
   b65ef:	xor    %ebx,%ebx
   b65f1:	xor    %r14d,%r14d
   b65f4:	xor    %r9d,%r9d
   b65f7:	jmp    b662c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0xdc>
   b65f9:	xor    %edx,%edx
   b65fb:	nopl   0x0(%rax,%rax,1)
   b6600:	mov    0x48(%rax,%rdx,8),%rax
   b6605:	mov    $0x1,%edx
   b660a:	add    %rdx,%rbx
   b660d:	add    %rax,%r14
   b6610:	mov    %r15,%rax
   b6613:	inc    %rax
   b6616:	cmp    %r12,%rax
   b6619:	mov    $0x0,%r15d
   b661f:	cmovne %rax,%r15
   b6623:	cmp    %r13,%r9
   b6626:	je     b674d <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1fd>
   b662c:	cmp    %r12,%r15
   b662f:	jae    b6a5e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x50e>
   b6635:	mov    0x0(%rbp,%r15,8),%rdi
   b663a:	mov    %rdi,%rax
   b663d:	xor    %r8,%rax
   b6640:	mul    %rcx
   b6643:	inc    %r9
   b6646:	xor    %rax,%rdx
   b6649:	and    %rsi,%rdx
   b664c:	lea    (%rdx,%rdx,8),%rax
   b6650:	shl    $0x4,%rax
   b6654:	add    (%rsp),%rax
   b6658:	jmp    b666c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x11c>
   b665a:	nopw   0x0(%rax,%rax,1)
   b6660:	mov    0x88(%rax),%rax
   b6667:	test   %rax,%rax
   b666a:	je     b66d5 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x185>
   b666c:	cmp    %rdi,0x8(%rax)
   b6670:	jne    b6677 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x127>
   b6672:	cmpb   $0x1,(%rax)
   b6675:	ja     b65f9 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0xa9>
   b6677:	cmp    %rdi,0x10(%rax)
   b667b:	jne    b6683 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x133>
   b667d:	cmpb   $0x1,0x1(%rax)
   b6681:	ja     b66de <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x18e>
   b6683:	cmp    %rdi,0x18(%rax)
   b6687:	jne    b668f <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x13f>
   b6689:	cmpb   $0x1,0x2(%rax)
   b668d:	ja     b66e8 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x198>
   b668f:	cmp    %rdi,0x20(%rax)
   b6693:	jne    b669b <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x14b>
   b6695:	cmpb   $0x1,0x3(%rax)
   b6699:	ja     b66f2 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1a2>
   b669b:	cmp    %rdi,0x28(%rax)
   b669f:	jne    b66a7 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x157>
   b66a1:	cmpb   $0x1,0x4(%rax)
   b66a5:	ja     b66fc <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1ac>
   b66a7:	cmp    %rdi,0x30(%rax)
   b66ab:	jne    b66b3 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x163>
   b66ad:	cmpb   $0x1,0x5(%rax)
   b66b1:	ja     b6706 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1b6>
   b66b3:	cmp    %rdi,0x38(%rax)
   b66b7:	jne    b66bf <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x16f>
   b66b9:	cmpb   $0x1,0x6(%rax)
   b66bd:	ja     b6710 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1c0>
   b66bf:	cmp    %rdi,0x40(%rax)
   b66c3:	jne    b6660 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x110>
   b66c5:	cmpb   $0x1,0x7(%rax)
   b66c9:	jbe    b6660 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x110>
   b66cb:	mov    $0x7,%edx
   b66d0:	jmp    b6600 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0xb0>
   b66d5:	xor    %edx,%edx
   b66d7:	xor    %eax,%eax
   b66d9:	jmp    b660a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0xba>
   b66de:	mov    $0x1,%edx
   b66e3:	jmp    b6600 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0xb0>
   b66e8:	mov    $0x2,%edx
   b66ed:	jmp    b6600 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0xb0>
   b66f2:	mov    $0x3,%edx
   b66f7:	jmp    b6600 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0xb0>
   b66fc:	mov    $0x4,%edx
   b6701:	jmp    b6600 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0xb0>
   b6706:	mov    $0x5,%edx
   b670b:	jmp    b6600 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0xb0>
   b6710:	mov    $0x6,%edx
   b6715:	jmp    b6600 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0xb0>
   b671a:	xor    %r14d,%r14d
   b671d:	xor    %ebx,%ebx
   b671f:	jmp    b674d <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1fd>
   b6721:	xor    %r14d,%r14d
   b6724:	data16 data16 cs nopw 0x0(%rax,%rax,1)
   b6730:	cmp    %r12,%r15
   b6733:	jae    b6a5e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x50e>
   b6739:	inc    %r15
   b673c:	cmp    %r12,%r15
   b673f:	cmove  %r14,%r15
   b6743:	mov    $0x0,%ebx
   b6748:	dec    %r13
   b674b:	jne    b6730 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1e0>
   b674d:	mov    $0x1,%edi
   b6752:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   b6757:	mov    %rax,0x48(%rsp)
   b675c:	mov    %edx,0x50(%rsp)
   b6760:	mov    0x10(%rsp),%rax
   b6765:	mov    %rax,0x58(%rsp)
   b676a:	mov    0xc(%rsp),%eax
   b676e:	mov    %eax,0x60(%rsp)
   b6772:	lea    0x30(%rsp),%rdi
   b6777:	lea    0x48(%rsp),%rsi
   b677c:	lea    0x58(%rsp),%rdx
   b6781:	call   1986d0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
   b6786:	cmpb   $0x0,0x30(%rsp)
   b678b:	mov    0x40(%rsp),%edx
   b678f:	mov    $0x0,%esi
   b6794:	cmovne %esi,%edx
   b6797:	cmove  0x38(%rsp),%rsi
   b679d:	mov    %r14,0x30(%rsp)
   b67a2:	lea    0x30(%rsp),%rcx
   b67a7:	mov    0x18(%rsp),%rax
   b67ac:	mov    %r15,(%rax)
   b67af:	mov    0x20(%rsp),%rax
   b67b4:	mov    %rsi,(%rax)
   b67b7:	mov    %edx,0x8(%rax)
   b67ba:	mov    %rbx,0x10(%rax)
   b67be:	add    $0x68,%rsp
   b67c2:	pop    %rbx
   b67c3:	pop    %r12
   b67c5:	pop    %r13
   b67c7:	pop    %r14
   b67c9:	pop    %r15
   b67cb:	pop    %rbp
   b67cc:	ret
   b67cd:	xor    %ebx,%ebx
   b67cf:	xor    %r14d,%r14d
   b67d2:	xor    %eax,%eax
   b67d4:	jmp    b680c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2bc>
   b67d6:	xor    %esi,%esi
   b67d8:	nopl   0x0(%rax,%rax,1)
   b67e0:	mov    0x48(%rdx,%rsi,8),%rdx
   b67e5:	mov    $0x1,%esi
   b67ea:	add    %rsi,%rbx
   b67ed:	add    %rdx,%r14
   b67f0:	mov    %r15,%rdx
   b67f3:	inc    %rdx
   b67f6:	cmp    %r12,%rdx
   b67f9:	mov    $0x0,%r15d
   b67ff:	cmovne %rdx,%r15
   b6803:	cmp    %r13,%rax
   b6806:	je     b674d <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1fd>
   b680c:	cmp    %r12,%r15
   b680f:	jae    b6a5e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x50e>
   b6815:	inc    %rax
   b6818:	mov    0x0(%rbp,%r15,8),%rsi
   b681d:	mov    (%rsp),%rdx
   b6821:	jmp    b683c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2ec>
   b6823:	data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
   b6830:	mov    0x88(%rdx),%rdx
   b6837:	test   %rdx,%rdx
   b683a:	je     b68a5 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x355>
   b683c:	cmp    %rsi,0x8(%rdx)
   b6840:	jne    b6847 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2f7>
   b6842:	cmpb   $0x1,(%rdx)
   b6845:	ja     b67d6 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x286>
   b6847:	cmp    %rsi,0x10(%rdx)
   b684b:	jne    b6853 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x303>
   b684d:	cmpb   $0x1,0x1(%rdx)
   b6851:	ja     b68ae <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x35e>
   b6853:	cmp    %rsi,0x18(%rdx)
   b6857:	jne    b685f <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x30f>
   b6859:	cmpb   $0x1,0x2(%rdx)
   b685d:	ja     b68b8 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x368>
   b685f:	cmp    %rsi,0x20(%rdx)
   b6863:	jne    b686b <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x31b>
   b6865:	cmpb   $0x1,0x3(%rdx)
   b6869:	ja     b68c2 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x372>
   b686b:	cmp    %rsi,0x28(%rdx)
   b686f:	jne    b6877 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x327>
   b6871:	cmpb   $0x1,0x4(%rdx)
   b6875:	ja     b68cc <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x37c>
   b6877:	cmp    %rsi,0x30(%rdx)
   b687b:	jne    b6883 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x333>
   b687d:	cmpb   $0x1,0x5(%rdx)
   b6881:	ja     b68d6 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x386>
   b6883:	cmp    %rsi,0x38(%rdx)
   b6887:	jne    b688f <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x33f>
   b6889:	cmpb   $0x1,0x6(%rdx)
   b688d:	ja     b68e0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x390>
   b688f:	cmp    %rsi,0x40(%rdx)
   b6893:	jne    b6830 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2e0>
   b6895:	cmpb   $0x1,0x7(%rdx)
   b6899:	jbe    b6830 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2e0>
   b689b:	mov    $0x7,%esi
   b68a0:	jmp    b67e0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x290>
   b68a5:	xor    %esi,%esi
   b68a7:	xor    %edx,%edx
   b68a9:	jmp    b67ea <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x29a>
   b68ae:	mov    $0x1,%esi
   b68b3:	jmp    b67e0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x290>
   b68b8:	mov    $0x2,%esi
   b68bd:	jmp    b67e0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x290>
   b68c2:	mov    $0x3,%esi
   b68c7:	jmp    b67e0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x290>
   b68cc:	mov    $0x4,%esi
   b68d1:	jmp    b67e0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x290>
   b68d6:	mov    $0x5,%esi
   b68db:	jmp    b67e0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x290>
   b68e0:	mov    $0x6,%esi
   b68e5:	jmp    b67e0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x290>
   b68ea:	mov    0x50(%r14),%r10
   b68ee:	xor    %ebx,%ebx
   b68f0:	xor    %r14d,%r14d
   b68f3:	xor    %r11d,%r11d
   b68f6:	jmp    b692c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x3dc>
   b68f8:	xor    %edx,%edx
   b68fa:	nopw   0x0(%rax,%rax,1)
   b6900:	mov    0x48(%rax,%rdx,8),%rax
   b6905:	mov    $0x1,%edx
   b690a:	add    %rdx,%rbx
   b690d:	add    %rax,%r14
   b6910:	mov    %r15,%rax
   b6913:	inc    %rax
   b6916:	cmp    %r12,%rax
   b6919:	mov    $0x0,%r15d
   b691f:	cmovne %rax,%r15
   b6923:	cmp    %r13,%r11
   b6926:	je     b674d <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1fd>
   b692c:	cmp    %r12,%r15
   b692f:	jae    b6a5e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x50e>
   b6935:	inc    %r11
   b6938:	mov    0x0(%rbp,%r15,8),%rdi
   b693d:	mov    %rdi,%rax
   b6940:	xor    %r8,%rax
   b6943:	mul    %rcx
   b6946:	xor    %rax,%rdx
   b6949:	mov    %rsi,%rax
   b694c:	and    %rdx,%rax
   b694f:	mov    %rcx,%r9
   b6952:	mov    %rbp,%rcx
   b6955:	mov    %rsi,%rbp
   b6958:	mov    %r8,%rsi
   b695b:	lea    (%rax,%rax,8),%r8
   b695f:	shl    $0x4,%r8
   b6963:	add    (%rsp),%r8
   b6967:	and    0x28(%rsp),%rdx
   b696c:	lea    (%rdx,%rdx,8),%rdx
   b6970:	shl    $0x4,%rdx
   b6974:	lea    (%r10,%rdx,1),%rax
   b6978:	movzbl (%r10,%rdx,1),%edx
   b697d:	add    $0xfb,%dl
   b6980:	cmp    $0xfd,%dl
   b6983:	cmovae %r8,%rax
   b6987:	mov    %rsi,%r8
   b698a:	mov    %rbp,%rsi
   b698d:	mov    %rcx,%rbp
   b6990:	mov    %r9,%rcx
   b6993:	jmp    b69ac <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x45c>
   b6995:	data16 cs nopw 0x0(%rax,%rax,1)
   b69a0:	mov    0x88(%rax),%rax
   b69a7:	test   %rax,%rax
   b69aa:	je     b6a19 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x4c9>
   b69ac:	cmp    %rdi,0x8(%rax)
   b69b0:	jne    b69bb <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x46b>
   b69b2:	cmpb   $0x1,(%rax)
   b69b5:	ja     b68f8 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x3a8>
   b69bb:	cmp    %rdi,0x10(%rax)
   b69bf:	jne    b69c7 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x477>
   b69c1:	cmpb   $0x1,0x1(%rax)
   b69c5:	ja     b6a22 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x4d2>
   b69c7:	cmp    %rdi,0x18(%rax)
   b69cb:	jne    b69d3 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x483>
   b69cd:	cmpb   $0x1,0x2(%rax)
   b69d1:	ja     b6a2c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x4dc>
   b69d3:	cmp    %rdi,0x20(%rax)
   b69d7:	jne    b69df <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x48f>
   b69d9:	cmpb   $0x1,0x3(%rax)
   b69dd:	ja     b6a36 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x4e6>
   b69df:	cmp    %rdi,0x28(%rax)
   b69e3:	jne    b69eb <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x49b>
   b69e5:	cmpb   $0x1,0x4(%rax)
   b69e9:	ja     b6a40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x4f0>
   b69eb:	cmp    %rdi,0x30(%rax)
   b69ef:	jne    b69f7 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x4a7>
   b69f1:	cmpb   $0x1,0x5(%rax)
   b69f5:	ja     b6a4a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x4fa>
   b69f7:	cmp    %rdi,0x38(%rax)
   b69fb:	jne    b6a03 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x4b3>
   b69fd:	cmpb   $0x1,0x6(%rax)
   b6a01:	ja     b6a54 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x504>
   b6a03:	cmp    %rdi,0x40(%rax)
   b6a07:	jne    b69a0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x450>
   b6a09:	cmpb   $0x1,0x7(%rax)
   b6a0d:	jbe    b69a0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x450>
   b6a0f:	mov    $0x7,%edx
   b6a14:	jmp    b6900 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x3b0>
   b6a19:	xor    %edx,%edx
   b6a1b:	xor    %eax,%eax
   b6a1d:	jmp    b690a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x3ba>
   b6a22:	mov    $0x1,%edx
   b6a27:	jmp    b6900 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x3b0>
   b6a2c:	mov    $0x2,%edx
   b6a31:	jmp    b6900 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x3b0>
   b6a36:	mov    $0x3,%edx
   b6a3b:	jmp    b6900 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x3b0>
   b6a40:	mov    $0x4,%edx
   b6a45:	jmp    b6900 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x3b0>
   b6a4a:	mov    $0x5,%edx
   b6a4f:	jmp    b6900 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x3b0>
   b6a54:	mov    $0x6,%edx
   b6a59:	jmp    b6900 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x3b0>
   b6a5e:	lea    0x10bd6b(%rip),%rdx        # 1c27d0 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x818>
   b6a65:	mov    %r15,%rdi
   b6a68:	mov    %r12,%rsi
   b6a6b:	call   *0x10f97f(%rip)        # 1c63f0 <_DYNAMIC+0x250>
