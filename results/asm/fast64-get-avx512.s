# gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
00000000000b8b60 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>>:
   b8b60:	push   %rbp
   b8b61:	push   %r15
   b8b63:	push   %r14
   b8b65:	push   %r13
   b8b67:	push   %r12
   b8b69:	push   %rbx
   b8b6a:	sub    $0x38,%rsp
   b8b6e:	mov    %rsi,%r14
   b8b71:	mov    %rdi,0x18(%rsp)
   b8b76:	call   *0x10df6c(%rip)        # 1c6ae8 <_DYNAMIC+0x948>
   b8b7c:	mov    %rax,0x28(%rsp)
   b8b81:	mov    %edx,0x30(%rsp)
   b8b85:	mov    (%r14),%rax
   b8b88:	mov    (%rax),%r8
   b8b8b:	test   %r8,%r8
   b8b8e:	je     b8d1a <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x1ba>
   b8b94:	movabs $0x101010101010101,%r9
   b8b9e:	mov    0x20(%r14),%r10
   b8ba2:	mov    0x18(%r14),%rax
   b8ba6:	mov    %rax,(%rsp)
   b8baa:	mov    0x8(%r14),%r11
   b8bae:	mov    0x10(%r14),%rax
   b8bb2:	mov    %rax,0x20(%rsp)
   b8bb7:	mov    0x28(%r14),%rsi
   b8bbb:	mov    (%r10),%rdi
   b8bbe:	vpxor  %xmm3,%xmm3,%xmm3
   b8bc2:	movabs $0x7e7e7e7e7e7e7e7e,%r13
   b8bcc:	movabs $0x7f7f7f7f7f7f7f7f,%rbp
   b8bd6:	movabs $0x102040810204080,%rbx
   b8be0:	vmovdqa -0xa8be8(%rip),%xmm0        # 10000 <anon.58baeeae7d5fe476157d296c9f08f803.346.llvm.5844774155465566772+0x3b0>
   b8be8:	xor    %r12d,%r12d
   b8beb:	jmp    b8c24 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0xc4>
   b8bed:	nopl   (%rax)
   b8bf0:	movzbl %cl,%ecx
   b8bf3:	tzcnt  %ecx,%ecx
   b8bf7:	vpinsrq $0x1,0x48(%rax,%rcx,8),%xmm0,%xmm1
   b8bff:	vpaddq %xmm3,%xmm1,%xmm3
   b8c03:	inc    %r12
   b8c06:	inc    %rdi
   b8c09:	mov    %rdi,(%r10)
   b8c0c:	cmp    (%rsi),%rdi
   b8c0f:	mov    $0x0,%eax
   b8c14:	cmove  %rax,%rdi
   b8c18:	mov    %rdi,(%r10)
   b8c1b:	cmp    %r8,%r12
   b8c1e:	je     b8d1e <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x1be>
   b8c24:	cmp    (%rsp),%rdi
   b8c28:	jae    b8d55 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x1f5>
   b8c2e:	vpxor  %xmm1,%xmm1,%xmm1
   b8c32:	cmpq   $0x0,0x70(%r11)
   b8c37:	je     b8bff <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x9f>
   b8c39:	mov    0x20(%rsp),%rax
   b8c3e:	mov    (%rax,%rdi,8),%r15
   b8c42:	cmpb   $0x0,0x93(%r11)
   b8c4a:	je     b8cc0 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x160>
   b8c4c:	mov    0x80(%r11),%rax
   b8c53:	xor    %r15,%rax
   b8c56:	mov    0x10dccb(%rip),%rcx        # 1c6928 <_DYNAMIC+0x788>
   b8c5d:	mulq   (%rcx)
   b8c60:	xor    %rax,%rdx
   b8c63:	mov    0x78(%r11),%r14
   b8c67:	mov    %r14,%rax
   b8c6a:	and    %rdx,%rax
   b8c6d:	lea    (%rax,%rax,8),%rax
   b8c71:	shl    $0x4,%rax
   b8c75:	add    0x18(%r11),%rax
   b8c79:	xor    %ecx,%ecx
   b8c7b:	cmp    0x38(%r11),%rcx
   b8c7f:	jo     b8cc4 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x164>
   b8c81:	testb  $0x8,0x92(%r11)
   b8c89:	sete   %cl
   b8c8c:	shr    %cl,%r14
   b8c8f:	and    %rdx,%r14
   b8c92:	mov    0x50(%r11),%rcx
   b8c96:	lea    (%r14,%r14,8),%rdx
   b8c9a:	shl    $0x4,%rdx
   b8c9e:	movzbl (%rcx,%rdx,1),%r14d
   b8ca3:	add    $0xfb,%r14b
   b8ca7:	cmp    $0xfd,%r14b
   b8cab:	jae    b8cc4 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x164>
   b8cad:	add    %rdx,%rcx
   b8cb0:	mov    %rcx,%rax
   b8cb3:	jmp    b8cc4 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x164>
   b8cb5:	data16 cs nopw 0x0(%rax,%rax,1)
   b8cc0:	mov    0x18(%r11),%rax
   b8cc4:	vpbroadcastq %r15,%zmm2
   b8cca:	nopw   0x0(%rax,%rax,1)
   b8cd0:	vpcmpeqq 0x8(%rax),%zmm2,%k0
   b8cda:	kmovw  %k0,%edx
   b8cde:	mov    (%rax),%r14
   b8ce1:	mov    %r14,%rcx
   b8ce4:	and    %r13,%rcx
   b8ce7:	add    %rbp,%rcx
   b8cea:	or     %r14,%rcx
   b8ced:	not    %rcx
   b8cf0:	shr    $0x7,%rcx
   b8cf4:	and    %r9,%rcx
   b8cf7:	imul   %rbx,%rcx
   b8cfb:	shr    $0x38,%rcx
   b8cff:	not    %cl
   b8d01:	and    %dl,%cl
   b8d03:	jne    b8bf0 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x90>
   b8d09:	mov    0x88(%rax),%rax
   b8d10:	test   %rax,%rax
   b8d13:	jne    b8cd0 <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x170>
   b8d15:	jmp    b8bff <gomap_bench::gomap::fast64::keys_avx512::with_avx512::<(core::time::Duration, u64, u64), gomap_bench::harness::single::time_gets<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys_avx512::KeysAvx512>>::{closure#0}>+0x9f>
   b8d1a:	vpxor  %xmm3,%xmm3,%xmm3
   b8d1e:	vmovdqa %xmm3,(%rsp)
   b8d23:	lea    0x28(%rsp),%rdi
   b8d28:	vzeroupper
   b8d2b:	call   *0x10ddbf(%rip)        # 1c6af0 <_DYNAMIC+0x950>
   b8d31:	mov    0x18(%rsp),%rcx
   b8d36:	mov    %rax,(%rcx)
   b8d39:	mov    %edx,0x8(%rcx)
   b8d3c:	vmovaps (%rsp),%xmm0
   b8d41:	vmovups %xmm0,0x10(%rcx)
   b8d46:	add    $0x38,%rsp
   b8d4a:	pop    %rbx
   b8d4b:	pop    %r12
   b8d4d:	pop    %r13
   b8d4f:	pop    %r14
   b8d51:	pop    %r15
   b8d53:	pop    %rbp
   b8d54:	ret
   b8d55:	lea    0x109a74(%rip),%rdx        # 1c27d0 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x818>
   b8d5c:	mov    (%rsp),%rsi
   b8d60:	vzeroupper
   b8d63:	call   *0x10d687(%rip)        # 1c63f0 <_DYNAMIC+0x250>
