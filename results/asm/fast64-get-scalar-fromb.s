# gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
00000000000b6a80 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>>:
   b6a80:	push   %rbp
   b6a81:	push   %r15
   b6a83:	push   %r14
   b6a85:	push   %r13
   b6a87:	push   %r12
   b6a89:	push   %rbx
   b6a8a:	sub    $0x68,%rsp
   b6a8e:	mov    %r9,%r13
   b6a91:	mov    %rcx,%r12
   b6a94:	mov    %rdx,%rbp
   b6a97:	mov    %rsi,%r14
   b6a9a:	mov    %rdi,%rbx
   b6a9d:	mov    %r8,0x18(%rsp)
   b6aa2:	mov    (%r8),%r15
   b6aa5:	mov    $0x1,%edi
   b6aaa:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   b6aaf:	test   %r13,%r13
   b6ab2:	mov    %rbx,0x20(%rsp)
   b6ab7:	mov    %rax,0x10(%rsp)
   b6abc:	mov    %edx,0x4(%rsp)
   b6ac0:	je     b6c5a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1da>
   b6ac6:	movzbl 0x93(%r14),%edi
   b6ace:	mov    $0xffffffffffffffff,%rsi
   b6ad5:	mov    %edi,%ecx
   b6ad7:	shl    %cl,%rsi
   b6ada:	not    %rsi
   b6add:	testb  $0x8,0x92(%r14)
   b6ae5:	sete   %cl
   b6ae8:	mov    %rsi,%r8
   b6aeb:	shr    %cl,%r8
   b6aee:	mov    %r8,0x28(%rsp)
   b6af3:	cmpq   $0x0,0x70(%r14)
   b6af8:	je     b6c61 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1e1>
   b6afe:	mov    0x18(%r14),%rcx
   b6b02:	test   %dil,%dil
   b6b05:	je     b6d0d <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x28d>
   b6b0b:	mov    0x80(%r14),%r8
   b6b12:	mov    0x10fe0f(%rip),%rdi        # 1c6928 <_DYNAMIC+0x788>
   b6b19:	mov    (%rdi),%rdi
   b6b1c:	mov    %rdi,0x8(%rsp)
   b6b21:	mov    0x38(%r14),%rdi
   b6b25:	neg    %rdi
   b6b28:	jno    b6e2a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3aa>
   b6b2e:	xor    %ebx,%ebx
   b6b30:	xor    %r14d,%r14d
   b6b33:	xor    %r9d,%r9d
   b6b36:	jmp    b6b6c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0xec>
   b6b38:	xor    %edx,%edx
   b6b3a:	nopw   0x0(%rax,%rax,1)
   b6b40:	mov    0x48(%rax,%rdx,8),%rax
   b6b45:	mov    $0x1,%edx
   b6b4a:	add    %rdx,%rbx
   b6b4d:	add    %rax,%r14
   b6b50:	mov    %r15,%rax
   b6b53:	inc    %rax
   b6b56:	cmp    %r12,%rax
   b6b59:	mov    $0x0,%r15d
   b6b5f:	cmovne %rax,%r15
   b6b63:	cmp    %r13,%r9
   b6b66:	je     b6c8d <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x20d>
   b6b6c:	cmp    %r12,%r15
   b6b6f:	jae    b6f9e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x51e>
   b6b75:	mov    0x0(%rbp,%r15,8),%rdi
   b6b7a:	mov    %rdi,%rax
   b6b7d:	xor    %r8,%rax
   b6b80:	mulq   0x8(%rsp)
   b6b85:	inc    %r9
   b6b88:	xor    %rax,%rdx
   b6b8b:	and    %rsi,%rdx
   b6b8e:	lea    (%rdx,%rdx,8),%rax
   b6b92:	shl    $0x4,%rax
   b6b96:	add    %rcx,%rax
   b6b99:	jmp    b6bac <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x12c>
   b6b9b:	nopl   0x0(%rax,%rax,1)
   b6ba0:	mov    0x88(%rax),%rax
   b6ba7:	test   %rax,%rax
   b6baa:	je     b6c15 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x195>
   b6bac:	cmp    %rdi,0x8(%rax)
   b6bb0:	jne    b6bb7 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x137>
   b6bb2:	cmpb   $0x1,(%rax)
   b6bb5:	ja     b6b38 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0xb8>
   b6bb7:	cmp    %rdi,0x10(%rax)
   b6bbb:	jne    b6bc3 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x143>
   b6bbd:	cmpb   $0x1,0x1(%rax)
   b6bc1:	ja     b6c1e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x19e>
   b6bc3:	cmp    %rdi,0x18(%rax)
   b6bc7:	jne    b6bcf <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x14f>
   b6bc9:	cmpb   $0x1,0x2(%rax)
   b6bcd:	ja     b6c28 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1a8>
   b6bcf:	cmp    %rdi,0x20(%rax)
   b6bd3:	jne    b6bdb <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x15b>
   b6bd5:	cmpb   $0x1,0x3(%rax)
   b6bd9:	ja     b6c32 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1b2>
   b6bdb:	cmp    %rdi,0x28(%rax)
   b6bdf:	jne    b6be7 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x167>
   b6be1:	cmpb   $0x1,0x4(%rax)
   b6be5:	ja     b6c3c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1bc>
   b6be7:	cmp    %rdi,0x30(%rax)
   b6beb:	jne    b6bf3 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x173>
   b6bed:	cmpb   $0x1,0x5(%rax)
   b6bf1:	ja     b6c46 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1c6>
   b6bf3:	cmp    %rdi,0x38(%rax)
   b6bf7:	jne    b6bff <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x17f>
   b6bf9:	cmpb   $0x1,0x6(%rax)
   b6bfd:	ja     b6c50 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1d0>
   b6bff:	cmp    %rdi,0x40(%rax)
   b6c03:	jne    b6ba0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x120>
   b6c05:	cmpb   $0x1,0x7(%rax)
   b6c09:	jbe    b6ba0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x120>
   b6c0b:	mov    $0x7,%edx
   b6c10:	jmp    b6b40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0xc0>
   b6c15:	xor    %edx,%edx
   b6c17:	xor    %eax,%eax
   b6c19:	jmp    b6b4a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0xca>
   b6c1e:	mov    $0x1,%edx
   b6c23:	jmp    b6b40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0xc0>
   b6c28:	mov    $0x2,%edx
   b6c2d:	jmp    b6b40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0xc0>
   b6c32:	mov    $0x3,%edx
   b6c37:	jmp    b6b40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0xc0>
   b6c3c:	mov    $0x4,%edx
   b6c41:	jmp    b6b40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0xc0>
   b6c46:	mov    $0x5,%edx
   b6c4b:	jmp    b6b40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0xc0>
   b6c50:	mov    $0x6,%edx
   b6c55:	jmp    b6b40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0xc0>
   b6c5a:	xor    %r14d,%r14d
   b6c5d:	xor    %ebx,%ebx
   b6c5f:	jmp    b6c8d <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x20d>
   b6c61:	xor    %r14d,%r14d
   b6c64:	data16 data16 cs nopw 0x0(%rax,%rax,1)
   b6c70:	cmp    %r12,%r15
   b6c73:	jae    b6f9e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x51e>
   b6c79:	inc    %r15
   b6c7c:	cmp    %r12,%r15
   b6c7f:	cmove  %r14,%r15
   b6c83:	mov    $0x0,%ebx
   b6c88:	dec    %r13
   b6c8b:	jne    b6c70 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x1f0>
   b6c8d:	mov    $0x1,%edi
   b6c92:	call   1987a0 <<std::sys::pal::unix::time::Timespec>::now>
   b6c97:	mov    %rax,0x48(%rsp)
   b6c9c:	mov    %edx,0x50(%rsp)
   b6ca0:	mov    0x10(%rsp),%rax
   b6ca5:	mov    %rax,0x58(%rsp)
   b6caa:	mov    0x4(%rsp),%eax
   b6cae:	mov    %eax,0x60(%rsp)
   b6cb2:	lea    0x30(%rsp),%rdi
   b6cb7:	lea    0x48(%rsp),%rsi
   b6cbc:	lea    0x58(%rsp),%rdx
   b6cc1:	call   1986d0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
   b6cc6:	cmpb   $0x0,0x30(%rsp)
   b6ccb:	mov    0x40(%rsp),%edx
   b6ccf:	mov    $0x0,%esi
   b6cd4:	cmovne %esi,%edx
   b6cd7:	cmove  0x38(%rsp),%rsi
   b6cdd:	mov    %r14,0x30(%rsp)
   b6ce2:	lea    0x30(%rsp),%rcx
   b6ce7:	mov    0x18(%rsp),%rax
   b6cec:	mov    %r15,(%rax)
   b6cef:	mov    0x20(%rsp),%rax
   b6cf4:	mov    %rsi,(%rax)
   b6cf7:	mov    %edx,0x8(%rax)
   b6cfa:	mov    %rbx,0x10(%rax)
   b6cfe:	add    $0x68,%rsp
   b6d02:	pop    %rbx
   b6d03:	pop    %r12
   b6d05:	pop    %r13
   b6d07:	pop    %r14
   b6d09:	pop    %r15
   b6d0b:	pop    %rbp
   b6d0c:	ret
   b6d0d:	xor    %ebx,%ebx
   b6d0f:	xor    %r14d,%r14d
   b6d12:	xor    %eax,%eax
   b6d14:	jmp    b6d4c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2cc>
   b6d16:	xor    %esi,%esi
   b6d18:	nopl   0x0(%rax,%rax,1)
   b6d20:	mov    0x48(%rdx,%rsi,8),%rdx
   b6d25:	mov    $0x1,%esi
   b6d2a:	add    %rsi,%rbx
   b6d2d:	add    %rdx,%r14
   b6d30:	mov    %r15,%rdx
   b6d33:	inc    %rdx
   b6d36:	cmp    %r12,%rdx
   b6d39:	mov    $0x0,%r15d
   b6d3f:	cmovne %rdx,%r15
   b6d43:	cmp    %r13,%rax
   b6d46:	je     b6c8d <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x20d>
   b6d4c:	cmp    %r12,%r15
   b6d4f:	jae    b6f9e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x51e>
   b6d55:	inc    %rax
   b6d58:	mov    0x0(%rbp,%r15,8),%rsi
   b6d5d:	mov    %rcx,%rdx
   b6d60:	jmp    b6d7c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2fc>
   b6d62:	data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
   b6d70:	mov    0x88(%rdx),%rdx
   b6d77:	test   %rdx,%rdx
   b6d7a:	je     b6de5 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x365>
   b6d7c:	cmp    %rsi,0x8(%rdx)
   b6d80:	jne    b6d87 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x307>
   b6d82:	cmpb   $0x1,(%rdx)
   b6d85:	ja     b6d16 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x296>
   b6d87:	cmp    %rsi,0x10(%rdx)
   b6d8b:	jne    b6d93 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x313>
   b6d8d:	cmpb   $0x1,0x1(%rdx)
   b6d91:	ja     b6dee <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x36e>
   b6d93:	cmp    %rsi,0x18(%rdx)
   b6d97:	jne    b6d9f <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x31f>
   b6d99:	cmpb   $0x1,0x2(%rdx)
   b6d9d:	ja     b6df8 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x378>
   b6d9f:	cmp    %rsi,0x20(%rdx)
   b6da3:	jne    b6dab <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x32b>
   b6da5:	cmpb   $0x1,0x3(%rdx)
   b6da9:	ja     b6e02 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x382>
   b6dab:	cmp    %rsi,0x28(%rdx)
   b6daf:	jne    b6db7 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x337>
   b6db1:	cmpb   $0x1,0x4(%rdx)
   b6db5:	ja     b6e0c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x38c>
   b6db7:	cmp    %rsi,0x30(%rdx)
   b6dbb:	jne    b6dc3 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x343>
   b6dbd:	cmpb   $0x1,0x5(%rdx)
   b6dc1:	ja     b6e16 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x396>
   b6dc3:	cmp    %rsi,0x38(%rdx)
   b6dc7:	jne    b6dcf <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x34f>
   b6dc9:	cmpb   $0x1,0x6(%rdx)
   b6dcd:	ja     b6e20 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3a0>
   b6dcf:	cmp    %rsi,0x40(%rdx)
   b6dd3:	jne    b6d70 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2f0>
   b6dd5:	cmpb   $0x1,0x7(%rdx)
   b6dd9:	jbe    b6d70 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2f0>
   b6ddb:	mov    $0x7,%esi
   b6de0:	jmp    b6d20 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2a0>
   b6de5:	xor    %esi,%esi
   b6de7:	xor    %edx,%edx
   b6de9:	jmp    b6d2a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2aa>
   b6dee:	mov    $0x1,%esi
   b6df3:	jmp    b6d20 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2a0>
   b6df8:	mov    $0x2,%esi
   b6dfd:	jmp    b6d20 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2a0>
   b6e02:	mov    $0x3,%esi
   b6e07:	jmp    b6d20 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2a0>
   b6e0c:	mov    $0x4,%esi
   b6e11:	jmp    b6d20 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2a0>
   b6e16:	mov    $0x5,%esi
   b6e1b:	jmp    b6d20 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2a0>
   b6e20:	mov    $0x6,%esi
   b6e25:	jmp    b6d20 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x2a0>
   b6e2a:	mov    0x50(%r14),%r10
   b6e2e:	xor    %ebx,%ebx
   b6e30:	xor    %r14d,%r14d
   b6e33:	xor    %r11d,%r11d
   b6e36:	jmp    b6e6c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3ec>
   b6e38:	xor    %edx,%edx
   b6e3a:	nopw   0x0(%rax,%rax,1)
   b6e40:	mov    0x48(%rax,%rdx,8),%rax
   b6e45:	mov    $0x1,%edx
   b6e4a:	add    %rdx,%rbx
   b6e4d:	add    %rax,%r14
   b6e50:	mov    %r15,%rax
   b6e53:	inc    %rax
   b6e56:	cmp    %r12,%rax
   b6e59:	mov    $0x0,%r15d
   b6e5f:	cmovne %rax,%r15
   b6e63:	cmp    %r13,%r11
   b6e66:	je     b6c8d <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x20d>
   b6e6c:	cmp    %r12,%r15
   b6e6f:	jae    b6f9e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x51e>
   b6e75:	inc    %r11
   b6e78:	mov    0x0(%rbp,%r15,8),%rdi
   b6e7d:	mov    %rdi,%rax
   b6e80:	xor    %r8,%rax
   b6e83:	mulq   0x8(%rsp)
   b6e88:	xor    %rax,%rdx
   b6e8b:	mov    0x28(%rsp),%rax
   b6e90:	and    %rdx,%rax
   b6e93:	and    %rsi,%rdx
   b6e96:	lea    (%rdx,%rdx,8),%rdx
   b6e9a:	shl    $0x4,%rdx
   b6e9e:	add    %rcx,%rdx
   b6ea1:	mov    %rcx,%r9
   b6ea4:	mov    %rbp,%rcx
   b6ea7:	mov    %r8,%rbp
   b6eaa:	lea    (%rax,%rax,8),%r8
   b6eae:	shl    $0x4,%r8
   b6eb2:	lea    (%r10,%r8,1),%rax
   b6eb6:	movzbl (%r10,%r8,1),%r8d
   b6ebb:	add    $0xfb,%r8b
   b6ebf:	cmp    $0xfd,%r8b
   b6ec3:	mov    %rbp,%r8
   b6ec6:	mov    %rcx,%rbp
   b6ec9:	mov    %r9,%rcx
   b6ecc:	cmovae %rdx,%rax
   b6ed0:	jmp    b6eec <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x46c>
   b6ed2:	data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
   b6ee0:	mov    0x88(%rax),%rax
   b6ee7:	test   %rax,%rax
   b6eea:	je     b6f59 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x4d9>
   b6eec:	cmp    %rdi,0x8(%rax)
   b6ef0:	jne    b6efb <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x47b>
   b6ef2:	cmpb   $0x1,(%rax)
   b6ef5:	ja     b6e38 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3b8>
   b6efb:	cmp    %rdi,0x10(%rax)
   b6eff:	jne    b6f07 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x487>
   b6f01:	cmpb   $0x1,0x1(%rax)
   b6f05:	ja     b6f62 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x4e2>
   b6f07:	cmp    %rdi,0x18(%rax)
   b6f0b:	jne    b6f13 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x493>
   b6f0d:	cmpb   $0x1,0x2(%rax)
   b6f11:	ja     b6f6c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x4ec>
   b6f13:	cmp    %rdi,0x20(%rax)
   b6f17:	jne    b6f1f <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x49f>
   b6f19:	cmpb   $0x1,0x3(%rax)
   b6f1d:	ja     b6f76 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x4f6>
   b6f1f:	cmp    %rdi,0x28(%rax)
   b6f23:	jne    b6f2b <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x4ab>
   b6f25:	cmpb   $0x1,0x4(%rax)
   b6f29:	ja     b6f80 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x500>
   b6f2b:	cmp    %rdi,0x30(%rax)
   b6f2f:	jne    b6f37 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x4b7>
   b6f31:	cmpb   $0x1,0x5(%rax)
   b6f35:	ja     b6f8a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x50a>
   b6f37:	cmp    %rdi,0x38(%rax)
   b6f3b:	jne    b6f43 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x4c3>
   b6f3d:	cmpb   $0x1,0x6(%rax)
   b6f41:	ja     b6f94 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x514>
   b6f43:	cmp    %rdi,0x40(%rax)
   b6f47:	jne    b6ee0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x460>
   b6f49:	cmpb   $0x1,0x7(%rax)
   b6f4d:	jbe    b6ee0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x460>
   b6f4f:	mov    $0x7,%edx
   b6f54:	jmp    b6e40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3c0>
   b6f59:	xor    %edx,%edx
   b6f5b:	xor    %eax,%eax
   b6f5d:	jmp    b6e4a <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3ca>
   b6f62:	mov    $0x1,%edx
   b6f67:	jmp    b6e40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3c0>
   b6f6c:	mov    $0x2,%edx
   b6f71:	jmp    b6e40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3c0>
   b6f76:	mov    $0x3,%edx
   b6f7b:	jmp    b6e40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3c0>
   b6f80:	mov    $0x4,%edx
   b6f85:	jmp    b6e40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3c0>
   b6f8a:	mov    $0x5,%edx
   b6f8f:	jmp    b6e40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3c0>
   b6f94:	mov    $0x6,%edx
   b6f99:	jmp    b6e40 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar, gomap_bench::gomap::locate::FromB>>+0x3c0>
   b6f9e:	lea    0x10b82b(%rip),%rdx        # 1c27d0 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0x818>
   b6fa5:	mov    %r15,%rdi
   b6fa8:	mov    %r12,%rsi
   b6fab:	call   *0x10f43f(%rip)        # 1c63f0 <_DYNAMIC+0x250>
