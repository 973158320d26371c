# gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
0000000000143eb0 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>>:
  143eb0:	push   %rbp
  143eb1:	push   %r15
  143eb3:	push   %r14
  143eb5:	push   %r13
  143eb7:	push   %r12
  143eb9:	push   %rbx
  143eba:	sub    $0x38,%rsp
  143ebe:	mov    %rsi,%r14
  143ec1:	mov    %rdi,0x8(%rsp)
  143ec6:	call   *0x179524(%rip)        # 2bd3f0 <_DYNAMIC+0xf90>
  143ecc:	mov    %rax,0x10(%rsp)
  143ed1:	mov    %edx,0x18(%rsp)
  143ed5:	mov    (%r14),%rax
  143ed8:	mov    (%rax),%r8
  143edb:	test   %r8,%r8
  143ede:	je     1440d1 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x221>
  143ee4:	mov    0x8(%r14),%r9
  143ee8:	mov    0x10(%r14),%r10
  143eec:	mov    0x20(%r14),%r11
  143ef0:	mov    0x18(%r14),%rsi
  143ef4:	mov    0x28(%r14),%r14
  143ef8:	vpxor  %xmm5,%xmm5,%xmm5
  143efc:	mov    %rsp,%r12
  143eff:	vmovdqa -0x12e167(%rip),%xmm0        # 15da0 <anon.58baeeae7d5fe476157d296c9f08f803.346.llvm.5844774155465566772+0x440>
  143f07:	mov    0x178f42(%rip),%r13        # 2bce50 <_DYNAMIC+0x9f0>
  143f0e:	xor    %ebp,%ebp
  143f10:	jmp    143f4f <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x9f>
  143f12:	data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
  143f20:	lea    (%rcx,%rbx,8),%rax
  143f24:	vpinsrq $0x1,(%rax),%xmm0,%xmm1
  143f2a:	vpaddq %xmm5,%xmm1,%xmm5
  143f2e:	inc    %rbp
  143f31:	inc    %rdi
  143f34:	mov    %rdi,(%r11)
  143f37:	cmp    (%r14),%rdi
  143f3a:	mov    $0x0,%eax
  143f3f:	cmovne %rdi,%rax
  143f43:	mov    %rax,(%r11)
  143f46:	cmp    %r8,%rbp
  143f49:	je     1440d5 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x225>
  143f4f:	mov    (%r9),%rax
  143f52:	mov    %rax,(%rsp)
  143f56:	mov    (%r11),%rdi
  143f59:	cmp    %rsi,%rdi
  143f5c:	jae    14410e <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x25e>
  143f62:	mov    (%rsp),%rbx
  143f66:	vpxor  %xmm1,%xmm1,%xmm1
  143f6a:	cmpq   $0x0,0x70(%rbx)
  143f6f:	je     143f2a <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x7a>
  143f71:	mov    (%r10,%rdi,8),%rax
  143f75:	cmpb   $0x0,0x93(%rbx)
  143f7c:	vmovq  %rax,%xmm2
  143f81:	je     144060 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x1b0>
  143f87:	xor    0x80(%rbx),%rax
  143f8e:	mulq   0x0(%r13)
  143f92:	xor    %rax,%rdx
  143f95:	mov    0x78(%rbx),%r15
  143f99:	mov    %r15,%rax
  143f9c:	and    %rdx,%rax
  143f9f:	lea    (%rax,%rax,8),%rax
  143fa3:	shl    $0x4,%rax
  143fa7:	add    0x18(%rbx),%rax
  143fab:	xor    %ecx,%ecx
  143fad:	cmp    0x38(%rbx),%rcx
  143fb1:	jo     143fe1 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x131>
  143fb3:	testb  $0x8,0x92(%rbx)
  143fba:	sete   %cl
  143fbd:	shr    %cl,%r15
  143fc0:	and    %rdx,%r15
  143fc3:	mov    0x50(%rbx),%rcx
  143fc7:	lea    (%r15,%r15,8),%rdx
  143fcb:	shl    $0x4,%rdx
  143fcf:	movzbl (%rcx,%rdx,1),%ebx
  143fd3:	add    $0xfb,%bl
  143fd6:	cmp    $0xfd,%bl
  143fd9:	jae    143fe1 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x131>
  143fdb:	add    %rdx,%rcx
  143fde:	mov    %rcx,%rax
  143fe1:	vpbroadcastq %xmm2,%ymm2
  143fe6:	lea    0x48(%rax),%rcx
  143fea:	prefetcht0 0x47(%rax)
  143fee:	prefetcht0 0x48(%rax)
  143ff2:	vpcmpeqq 0x28(%rax),%ymm2,%ymm3
  143ff8:	vpcmpeqq 0x8(%rax),%ymm2,%ymm4
  143ffe:	prefetcht0 0x87(%rax)
  144005:	vpackssdw %ymm3,%ymm4,%ymm3
  144009:	vpermq $0xd8,%ymm3,%ymm3
  14400f:	vmovmskps %ymm3,%edx
  144013:	data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
  144020:	test   %dl,%dl
  144022:	je     144040 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x190>
  144024:	movzbl %dl,%ebx
  144027:	tzcnt  %ebx,%ebx
  14402b:	lea    -0x1(%rdx),%r15d
  14402f:	and    %dl,%r15b
  144032:	cmpb   $0x1,(%rax,%rbx,1)
  144036:	mov    %r15d,%edx
  144039:	jbe    144020 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x170>
  14403b:	jmp    143f20 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x70>
  144040:	mov    0x88(%rax),%rax
  144047:	test   %rax,%rax
  14404a:	jne    143fe6 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x136>
  14404c:	jmp    143f2a <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x7a>
  144051:	data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
  144060:	mov    0x18(%rbx),%rax
  144064:	vpbroadcastq %xmm2,%ymm2
  144069:	lea    0x48(%rax),%rcx
  14406d:	prefetcht0 0x47(%rax)
  144071:	prefetcht0 0x48(%rax)
  144075:	vpcmpeqq 0x28(%rax),%ymm2,%ymm3
  14407b:	vpcmpeqq 0x8(%rax),%ymm2,%ymm4
  144081:	prefetcht0 0x87(%rax)
  144088:	vpackssdw %ymm3,%ymm4,%ymm3
  14408c:	vpermq $0xd8,%ymm3,%ymm3
  144092:	vmovmskps %ymm3,%edx
  144096:	cs nopw 0x0(%rax,%rax,1)
  1440a0:	test   %dl,%dl
  1440a2:	je     1440c0 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x210>
  1440a4:	movzbl %dl,%ebx
  1440a7:	tzcnt  %ebx,%ebx
  1440ab:	lea    -0x1(%rdx),%r15d
  1440af:	and    %dl,%r15b
  1440b2:	cmpb   $0x1,(%rax,%rbx,1)
  1440b6:	mov    %r15d,%edx
  1440b9:	jbe    1440a0 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x1f0>
  1440bb:	jmp    143f20 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x70>
  1440c0:	mov    0x88(%rax),%rax
  1440c7:	test   %rax,%rax
  1440ca:	jne    144069 <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x1b9>
  1440cc:	jmp    143f2a <gomap_bench::gomap::fast64::keys_avx2::with_avx2::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx2::KeysAvx2>>::{closure#0}>+0x7a>
  1440d1:	vpxor  %xmm5,%xmm5,%xmm5
  1440d5:	vmovdqa %xmm5,0x20(%rsp)
  1440db:	lea    0x10(%rsp),%rdi
  1440e0:	vzeroupper
  1440e3:	call   *0x17930f(%rip)        # 2bd3f8 <_DYNAMIC+0xf98>
  1440e9:	mov    0x8(%rsp),%rcx
  1440ee:	mov    %rax,(%rcx)
  1440f1:	mov    %edx,0x8(%rcx)
  1440f4:	vmovaps 0x20(%rsp),%xmm0
  1440fa:	vmovups %xmm0,0x10(%rcx)
  1440ff:	add    $0x38,%rsp
  144103:	pop    %rbx
  144104:	pop    %r12
  144106:	pop    %r13
  144108:	pop    %r14
  14410a:	pop    %r15
  14410c:	pop    %rbp
  14410d:	ret
  14410e:	lea    0x172e53(%rip),%rdx        # 2b6f68 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0xcf8>
  144115:	vzeroupper
  144118:	call   *0x17855a(%rip)        # 2bc678 <_DYNAMIC+0x218>
