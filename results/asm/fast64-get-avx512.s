# gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
00000000001435e0 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>>:
  1435e0:	push   %rbp
  1435e1:	push   %r15
  1435e3:	push   %r14
  1435e5:	push   %r13
  1435e7:	push   %r12
  1435e9:	push   %rbx
  1435ea:	sub    $0x38,%rsp
  1435ee:	mov    %rsi,%r14
  1435f1:	mov    %rdi,0x8(%rsp)
  1435f6:	call   *0x179df4(%rip)        # 2bd3f0 <_DYNAMIC+0xf90>
  1435fc:	mov    %rax,0x10(%rsp)
  143601:	mov    %edx,0x18(%rsp)
  143605:	mov    (%r14),%rax
  143608:	mov    (%rax),%r8
  14360b:	test   %r8,%r8
  14360e:	je     1437e1 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x201>
  143614:	mov    0x8(%r14),%r9
  143618:	mov    0x10(%r14),%r10
  14361c:	mov    0x20(%r14),%r11
  143620:	mov    0x18(%r14),%rsi
  143624:	mov    0x28(%r14),%r14
  143628:	vpxor  %xmm3,%xmm3,%xmm3
  14362c:	mov    %rsp,%r12
  14362f:	vmovdqa -0x12d897(%rip),%xmm0        # 15da0 <anon.58baeeae7d5fe476157d296c9f08f803.346.llvm.5844774155465566772+0x440>
  143637:	mov    0x179812(%rip),%r13        # 2bce50 <_DYNAMIC+0x9f0>
  14363e:	xor    %ebp,%ebp
  143640:	jmp    14367f <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x9f>
  143642:	data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
  143650:	lea    (%rcx,%rbx,8),%rax
  143654:	vpinsrq $0x1,(%rax),%xmm0,%xmm1
  14365a:	vpaddq %xmm3,%xmm1,%xmm3
  14365e:	inc    %rbp
  143661:	inc    %rdi
  143664:	mov    %rdi,(%r11)
  143667:	cmp    (%r14),%rdi
  14366a:	mov    $0x0,%eax
  14366f:	cmovne %rdi,%rax
  143673:	mov    %rax,(%r11)
  143676:	cmp    %r8,%rbp
  143679:	je     1437e5 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x205>
  14367f:	mov    (%r9),%rax
  143682:	mov    %rax,(%rsp)
  143686:	mov    (%r11),%rdi
  143689:	cmp    %rsi,%rdi
  14368c:	jae    14381e <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x23e>
  143692:	mov    (%rsp),%rbx
  143696:	vpxor  %xmm1,%xmm1,%xmm1
  14369a:	cmpq   $0x0,0x70(%rbx)
  14369f:	je     14365a <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x7a>
  1436a1:	mov    (%r10,%rdi,8),%rax
  1436a5:	cmpb   $0x0,0x93(%rbx)
  1436ac:	vpbroadcastq %rax,%zmm2
  1436b2:	je     143780 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x1a0>
  1436b8:	xor    0x80(%rbx),%rax
  1436bf:	mulq   0x0(%r13)
  1436c3:	xor    %rax,%rdx
  1436c6:	mov    0x78(%rbx),%r15
  1436ca:	mov    %r15,%rax
  1436cd:	and    %rdx,%rax
  1436d0:	lea    (%rax,%rax,8),%rax
  1436d4:	shl    $0x4,%rax
  1436d8:	add    0x18(%rbx),%rax
  1436dc:	xor    %ecx,%ecx
  1436de:	cmp    0x38(%rbx),%rcx
  1436e2:	jo     143730 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x150>
  1436e4:	testb  $0x8,0x92(%rbx)
  1436eb:	sete   %cl
  1436ee:	shr    %cl,%r15
  1436f1:	and    %rdx,%r15
  1436f4:	mov    0x50(%rbx),%rcx
  1436f8:	lea    (%r15,%r15,8),%rdx
  1436fc:	shl    $0x4,%rdx
  143700:	movzbl (%rcx,%rdx,1),%ebx
  143704:	add    $0xfb,%bl
  143707:	cmp    $0xfd,%bl
  14370a:	jae    143730 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x150>
  14370c:	add    %rdx,%rcx
  14370f:	mov    %rcx,%rax
  143712:	jmp    143730 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x150>
  143714:	data16 data16 cs nopw 0x0(%rax,%rax,1)
  143720:	mov    0x88(%rax),%rax
  143727:	test   %rax,%rax
  14372a:	je     14365a <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x7a>
  143730:	lea    0x48(%rax),%rcx
  143734:	prefetcht0 0x47(%rax)
  143738:	prefetcht0 0x48(%rax)
  14373c:	prefetcht0 0x87(%rax)
  143743:	vpcmpeqq 0x8(%rax),%zmm2,%k0
  14374d:	kmovw  %k0,%edx
  143751:	data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
  143760:	test   %dl,%dl
  143762:	je     143720 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x140>
  143764:	movzbl %dl,%ebx
  143767:	tzcnt  %ebx,%ebx
  14376b:	lea    -0x1(%rdx),%r15d
  14376f:	and    %dl,%r15b
  143772:	cmpb   $0x1,(%rax,%rbx,1)
  143776:	mov    %r15d,%edx
  143779:	jbe    143760 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x180>
  14377b:	jmp    143650 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x70>
  143780:	mov    0x18(%rbx),%rax
  143784:	lea    0x48(%rax),%rcx
  143788:	prefetcht0 0x47(%rax)
  14378c:	prefetcht0 0x48(%rax)
  143790:	prefetcht0 0x87(%rax)
  143797:	vpcmpeqq 0x8(%rax),%zmm2,%k0
  1437a1:	kmovw  %k0,%edx
  1437a5:	data16 cs nopw 0x0(%rax,%rax,1)
  1437b0:	test   %dl,%dl
  1437b2:	je     1437d0 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x1f0>
  1437b4:	movzbl %dl,%ebx
  1437b7:	tzcnt  %ebx,%ebx
  1437bb:	lea    -0x1(%rdx),%r15d
  1437bf:	and    %dl,%r15b
  1437c2:	cmpb   $0x1,(%rax,%rbx,1)
  1437c6:	mov    %r15d,%edx
  1437c9:	jbe    1437b0 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x1d0>
  1437cb:	jmp    143650 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x70>
  1437d0:	mov    0x88(%rax),%rax
  1437d7:	test   %rax,%rax
  1437da:	jne    143784 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x1a4>
  1437dc:	jmp    14365a <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x7a>
  1437e1:	vpxor  %xmm3,%xmm3,%xmm3
  1437e5:	vmovdqa %xmm3,0x20(%rsp)
  1437eb:	lea    0x10(%rsp),%rdi
  1437f0:	vzeroupper
  1437f3:	call   *0x179bff(%rip)        # 2bd3f8 <_DYNAMIC+0xf98>
  1437f9:	mov    0x8(%rsp),%rcx
  1437fe:	mov    %rax,(%rcx)
  143801:	mov    %edx,0x8(%rcx)
  143804:	vmovaps 0x20(%rsp),%xmm0
  14380a:	vmovups %xmm0,0x10(%rcx)
  14380f:	add    $0x38,%rsp
  143813:	pop    %rbx
  143814:	pop    %r12
  143816:	pop    %r13
  143818:	pop    %r14
  14381a:	pop    %r15
  14381c:	pop    %rbp
  14381d:	ret
  14381e:	lea    0x173743(%rip),%rdx        # 2b6f68 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0xcf8>
  143825:	vzeroupper
  143828:	call   *0x178e4a(%rip)        # 2bc678 <_DYNAMIC+0x218>
