# gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
00000000000b9510 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>>:
   b9510:	push   %rbp
   b9511:	push   %r15
   b9513:	push   %r14
   b9515:	push   %r13
   b9517:	push   %r12
   b9519:	push   %rbx
   b951a:	sub    $0x38,%rsp
   b951e:	mov    %rsi,%r14
   b9521:	mov    %rdi,0x18(%rsp)
   b9526:	call   *0x10d5bc(%rip)        # 1c6ae8 <_DYNAMIC+0x948>
   b952c:	mov    %rax,0x28(%rsp)
   b9531:	mov    %edx,0x30(%rsp)
   b9535:	mov    (%r14),%rax
   b9538:	mov    (%rax),%r8
   b953b:	test   %r8,%r8
   b953e:	je     b96d6 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x1c6>
   b9544:	movabs $0x101010101010101,%r9
   b954e:	mov    0x20(%r14),%r10
   b9552:	mov    0x18(%r14),%rax
   b9556:	mov    %rax,(%rsp)
   b955a:	mov    0x8(%r14),%r11
   b955e:	mov    0x10(%r14),%rax
   b9562:	mov    %rax,0x20(%rsp)
   b9567:	mov    0x28(%r14),%rsi
   b956b:	mov    (%r10),%rdi
   b956e:	vpxor  %xmm5,%xmm5,%xmm5
   b9572:	movabs $0x7e7e7e7e7e7e7e7e,%r13
   b957c:	movabs $0x7f7f7f7f7f7f7f7f,%rbp
   b9586:	movabs $0x102040810204080,%rbx
   b9590:	vmovdqa -0xa9598(%rip),%xmm0        # 10000 <anon.58baeeae7d5fe476157d296c9f08f803.346.llvm.5844774155465566772+0x3b0>
   b9598:	xor    %r12d,%r12d
   b959b:	jmp    b95d4 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0xc4>
   b959d:	nopl   (%rax)
   b95a0:	movzbl %cl,%ecx
   b95a3:	tzcnt  %ecx,%ecx
   b95a7:	vpinsrq $0x1,0x48(%rax,%rcx,8),%xmm0,%xmm1
   b95af:	vpaddq %xmm5,%xmm1,%xmm5
   b95b3:	inc    %r12
   b95b6:	inc    %rdi
   b95b9:	mov    %rdi,(%r10)
   b95bc:	cmp    (%rsi),%rdi
   b95bf:	mov    $0x0,%eax
   b95c4:	cmove  %rax,%rdi
   b95c8:	mov    %rdi,(%r10)
   b95cb:	cmp    %r8,%r12
   b95ce:	je     b96da <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x1ca>
   b95d4:	cmp    (%rsp),%rdi
   b95d8:	jae    b9711 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x201>
   b95de:	vpxor  %xmm1,%xmm1,%xmm1
   b95e2:	cmpq   $0x0,0x70(%r11)
   b95e7:	je     b95af <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x9f>
   b95e9:	mov    0x20(%rsp),%rax
   b95ee:	mov    (%rax,%rdi,8),%r15
   b95f2:	cmpb   $0x0,0x93(%r11)
   b95fa:	je     b9670 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x160>
   b95fc:	mov    0x80(%r11),%rax
   b9603:	xor    %r15,%rax
   b9606:	mov    0x10d31b(%rip),%rcx        # 1c6928 <_DYNAMIC+0x788>
   b960d:	mulq   (%rcx)
   b9610:	xor    %rax,%rdx
   b9613:	mov    0x78(%r11),%r14
   b9617:	mov    %r14,%rax
   b961a:	and    %rdx,%rax
   b961d:	lea    (%rax,%rax,8),%rax
   b9621:	shl    $0x4,%rax
   b9625:	add    0x18(%r11),%rax
   b9629:	xor    %ecx,%ecx
   b962b:	cmp    0x38(%r11),%rcx
   b962f:	jo     b9674 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x164>
   b9631:	testb  $0x8,0x92(%r11)
   b9639:	sete   %cl
   b963c:	shr    %cl,%r14
   b963f:	and    %rdx,%r14
   b9642:	mov    0x50(%r11),%rcx
   b9646:	lea    (%r14,%r14,8),%rdx
   b964a:	shl    $0x4,%rdx
   b964e:	movzbl (%rcx,%rdx,1),%r14d
   b9653:	add    $0xfb,%r14b
   b9657:	cmp    $0xfd,%r14b
   b965b:	jae    b9674 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x164>
   b965d:	add    %rdx,%rcx
   b9660:	mov    %rcx,%rax
   b9663:	jmp    b9674 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x164>
   b9665:	data16 cs nopw 0x0(%rax,%rax,1)
   b9670:	mov    0x18(%r11),%rax
   b9674:	vmovq  %r15,%xmm2
   b9679:	vpbroadcastq %xmm2,%ymm2
   b967e:	xchg   %ax,%ax
   b9680:	vpcmpeqq 0x8(%rax),%ymm2,%ymm3
   b9686:	vpcmpeqq 0x28(%rax),%ymm2,%ymm4
   b968c:	vpackssdw %ymm4,%ymm3,%ymm3
   b9690:	vpermq $0xd8,%ymm3,%ymm3
   b9696:	vmovmskps %ymm3,%edx
   b969a:	mov    (%rax),%r14
   b969d:	mov    %r14,%rcx
   b96a0:	and    %r13,%rcx
   b96a3:	add    %rbp,%rcx
   b96a6:	or     %r14,%rcx
   b96a9:	not    %rcx
   b96ac:	shr    $0x7,%rcx
   b96b0:	and    %r9,%rcx
   b96b3:	imul   %rbx,%rcx
   b96b7:	shr    $0x38,%rcx
   b96bb:	not    %cl
   b96bd:	and    %dl,%cl
   b96bf:	jne    b95a0 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x90>
   b96c5:	mov    0x88(%rax),%rax
   b96cc:	test   %rax,%rax
   b96cf:	jne    b9680 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x170>
   b96d1:	jmp    b95af <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x9f>
   b96d6:	vpxor  %xmm5,%xmm5,%xmm5
   b96da:	vmovdqa %xmm5,(%rsp)
   b96df:	lea    0x28(%rsp),%rdi
   b96e4:	vzeroupper
   b96e7:	call   *0x10d403(%rip)        # 1c6af0 <_DYNAMIC+0x950>
   b96ed:	mov    0x18(%rsp),%rcx
   b96f2:	mov    %rax,(%rcx)
   b96f5:	mov    %edx,0x8(%rcx)
   b96f8:	vmovaps (%rsp),%xmm0
   b96fd:	vmovups %xmm0,0x10(%rcx)
   b9702:	add    $0x38,%rsp
   b9706:	pop    %rbx
   b9707:	pop    %r12
   b9709:	pop    %r13
   b970b:	pop    %r14
   b970d:	pop    %r15
   b970f:	pop    %rbp
   b9710:	ret
   b9711:	lea    0x1090b8(%rip),%rdx        # 1c27d0 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x818>
   b9718:	mov    (%rsp),%rsi
   b971c:	vzeroupper
   b971f:	call   *0x10cccb(%rip)        # 1c63f0 <_DYNAMIC+0x250>
