# gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>
# rustc 1.95.0 (59807616e 2026-04-14); release profile; objdump -d --no-show-raw-insn -C
000000000013f0a0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>>:
  13f0a0:	push   %rbp
  13f0a1:	push   %r15
  13f0a3:	push   %r14
  13f0a5:	push   %r13
  13f0a7:	push   %r12
  13f0a9:	push   %rbx
  13f0aa:	sub    $0x68,%rsp
  13f0ae:	mov    %r9,%r12
  13f0b1:	mov    %rcx,%r13
  13f0b4:	mov    %rdx,0x40(%rsp)
  13f0b9:	mov    %rsi,%r14
  13f0bc:	mov    %rdi,0x38(%rsp)
  13f0c1:	mov    %r8,0x30(%rsp)
  13f0c6:	mov    (%r8),%r15
  13f0c9:	mov    $0x1,%edi
  13f0ce:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  13f0d3:	mov    %rax,0x28(%rsp)
  13f0d8:	mov    %edx,0xc(%rsp)
  13f0dc:	test   %r12,%r12
  13f0df:	je     13f355 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2b5>
  13f0e5:	lea    0x10(%rsp),%rdi
  13f0ea:	mov    0x17dd5f(%rip),%r8        # 2bce50 <_DYNAMIC+0x9f0>
  13f0f1:	xor    %ebx,%ebx
  13f0f3:	xor    %ebp,%ebp
  13f0f5:	xor    %r9d,%r9d
  13f0f8:	jmp    13f125 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x85>
  13f0fa:	nopw   0x0(%rax,%rax,1)
  13f100:	xor    %eax,%eax
  13f102:	xor    %ecx,%ecx
  13f104:	add    %rax,%rbx
  13f107:	add    %rcx,%rbp
  13f10a:	inc    %r9
  13f10d:	inc    %r15
  13f110:	cmp    %r13,%r15
  13f113:	mov    $0x0,%eax
  13f118:	cmove  %rax,%r15
  13f11c:	cmp    %r12,%r9
  13f11f:	je     13f359 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2b9>
  13f125:	mov    %r14,0x10(%rsp)
  13f12a:	cmp    %r13,%r15
  13f12d:	jae    13f3d9 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x339>
  13f133:	mov    0x10(%rsp),%r11
  13f138:	cmpq   $0x0,0x70(%r11)
  13f13d:	je     13f100 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x60>
  13f13f:	mov    0x40(%rsp),%rax
  13f144:	mov    (%rax,%r15,8),%r10
  13f148:	cmpb   $0x0,0x93(%r11)
  13f150:	je     13f270 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1d0>
  13f156:	mov    0x80(%r11),%rax
  13f15d:	xor    %r10,%rax
  13f160:	mulq   (%r8)
  13f163:	xor    %rax,%rdx
  13f166:	mov    0x78(%r11),%rsi
  13f16a:	mov    %rsi,%rax
  13f16d:	and    %rdx,%rax
  13f170:	lea    (%rax,%rax,8),%rax
  13f174:	shl    $0x4,%rax
  13f178:	add    0x18(%r11),%rax
  13f17c:	xor    %ecx,%ecx
  13f17e:	cmp    0x38(%r11),%rcx
  13f182:	jo     13f1d0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x130>
  13f184:	testb  $0x8,0x92(%r11)
  13f18c:	sete   %cl
  13f18f:	shr    %cl,%rsi
  13f192:	and    %rdx,%rsi
  13f195:	mov    0x50(%r11),%rcx
  13f199:	lea    (%rsi,%rsi,8),%rdx
  13f19d:	shl    $0x4,%rdx
  13f1a1:	movzbl (%rcx,%rdx,1),%esi
  13f1a5:	add    $0xfb,%sil
  13f1a9:	cmp    $0xfd,%sil
  13f1ad:	jae    13f1d0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x130>
  13f1af:	add    %rdx,%rcx
  13f1b2:	mov    %rcx,%rax
  13f1b5:	jmp    13f1d0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x130>
  13f1b7:	nopw   0x0(%rax,%rax,1)
  13f1c0:	mov    0x88(%rax),%rax
  13f1c7:	test   %rax,%rax
  13f1ca:	je     13f100 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x60>
  13f1d0:	prefetcht0 0x47(%rax)
  13f1d4:	prefetcht0 0x48(%rax)
  13f1d8:	prefetcht0 0x87(%rax)
  13f1df:	cmp    %r10,0x8(%rax)
  13f1e3:	jne    13f1ee <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x14e>
  13f1e5:	cmpb   $0x1,(%rax)
  13f1e8:	ja     13f305 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x265>
  13f1ee:	cmp    %r10,0x10(%rax)
  13f1f2:	jne    13f1fe <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x15e>
  13f1f4:	cmpb   $0x1,0x1(%rax)
  13f1f8:	ja     13f309 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x269>
  13f1fe:	cmp    %r10,0x18(%rax)
  13f202:	jne    13f20e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x16e>
  13f204:	cmpb   $0x1,0x2(%rax)
  13f208:	ja     13f310 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x270>
  13f20e:	cmp    %r10,0x20(%rax)
  13f212:	jne    13f21e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x17e>
  13f214:	cmpb   $0x1,0x3(%rax)
  13f218:	ja     13f317 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x277>
  13f21e:	cmp    %r10,0x28(%rax)
  13f222:	jne    13f22e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x18e>
  13f224:	cmpb   $0x1,0x4(%rax)
  13f228:	ja     13f31e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x27e>
  13f22e:	cmp    %r10,0x30(%rax)
  13f232:	jne    13f23e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x19e>
  13f234:	cmpb   $0x1,0x5(%rax)
  13f238:	ja     13f325 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x285>
  13f23e:	cmp    %r10,0x38(%rax)
  13f242:	jne    13f24e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1ae>
  13f244:	cmpb   $0x1,0x6(%rax)
  13f248:	ja     13f32c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x28c>
  13f24e:	cmp    %r10,0x40(%rax)
  13f252:	jne    13f1c0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x120>
  13f258:	cmpb   $0x1,0x7(%rax)
  13f25c:	jbe    13f1c0 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x120>
  13f262:	jmp    13f2fe <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x25e>
  13f267:	nopw   0x0(%rax,%rax,1)
  13f270:	mov    0x18(%r11),%rax
  13f274:	jmp    13f290 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1f0>
  13f276:	cs nopw 0x0(%rax,%rax,1)
  13f280:	mov    0x88(%rax),%rax
  13f287:	test   %rax,%rax
  13f28a:	je     13f100 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x60>
  13f290:	prefetcht0 0x47(%rax)
  13f294:	prefetcht0 0x48(%rax)
  13f298:	prefetcht0 0x87(%rax)
  13f29f:	cmp    %r10,0x8(%rax)
  13f2a3:	jne    13f2aa <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x20a>
  13f2a5:	cmpb   $0x1,(%rax)
  13f2a8:	ja     13f305 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x265>
  13f2aa:	cmp    %r10,0x10(%rax)
  13f2ae:	jne    13f2b6 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x216>
  13f2b0:	cmpb   $0x1,0x1(%rax)
  13f2b4:	ja     13f309 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x269>
  13f2b6:	cmp    %r10,0x18(%rax)
  13f2ba:	jne    13f2c2 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x222>
  13f2bc:	cmpb   $0x1,0x2(%rax)
  13f2c0:	ja     13f310 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x270>
  13f2c2:	cmp    %r10,0x20(%rax)
  13f2c6:	jne    13f2ce <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x22e>
  13f2c8:	cmpb   $0x1,0x3(%rax)
  13f2cc:	ja     13f317 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x277>
  13f2ce:	cmp    %r10,0x28(%rax)
  13f2d2:	jne    13f2da <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x23a>
  13f2d4:	cmpb   $0x1,0x4(%rax)
  13f2d8:	ja     13f31e <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x27e>
  13f2da:	cmp    %r10,0x30(%rax)
  13f2de:	jne    13f2e6 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x246>
  13f2e0:	cmpb   $0x1,0x5(%rax)
  13f2e4:	ja     13f325 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x285>
  13f2e6:	cmp    %r10,0x38(%rax)
  13f2ea:	jne    13f2f2 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x252>
  13f2ec:	cmpb   $0x1,0x6(%rax)
  13f2f0:	ja     13f32c <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x28c>
  13f2f2:	cmp    %r10,0x40(%rax)
  13f2f6:	jne    13f280 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1e0>
  13f2f8:	cmpb   $0x1,0x7(%rax)
  13f2fc:	jbe    13f280 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x1e0>
  13f2fe:	mov    $0x7,%ecx
  13f303:	jmp    13f340 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2a0>
  13f305:	xor    %ecx,%ecx
  13f307:	jmp    13f340 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2a0>
  13f309:	mov    $0x1,%ecx
  13f30e:	jmp    13f340 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2a0>
  13f310:	mov    $0x2,%ecx
  13f315:	jmp    13f340 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2a0>
  13f317:	mov    $0x3,%ecx
  13f31c:	jmp    13f340 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2a0>
  13f31e:	mov    $0x4,%ecx
  13f323:	jmp    13f340 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2a0>
  13f325:	mov    $0x5,%ecx
  13f32a:	jmp    13f340 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x2a0>
  13f32c:	mov    $0x6,%ecx
  13f331:	data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
  13f340:	add    $0x48,%rax
  13f344:	lea    (%rax,%rcx,8),%rax
  13f348:	mov    (%rax),%rcx
  13f34b:	mov    $0x1,%eax
  13f350:	jmp    13f104 <gomap_bench::harness::single::time_gets::<gomap_bench::contenders::single::GoFast64<gomap_bench::gomap::fast64::keys::KeysScalar>>+0x64>
  13f355:	xor    %ebp,%ebp
  13f357:	xor    %ebx,%ebx
  13f359:	mov    $0x1,%edi
  13f35e:	call   2897c0 <<std::sys::pal::unix::time::Timespec>::now>
  13f363:	mov    %rax,0x48(%rsp)
  13f368:	mov    %edx,0x50(%rsp)
  13f36c:	mov    0x28(%rsp),%rax
  13f371:	mov    %rax,0x58(%rsp)
  13f376:	mov    0xc(%rsp),%eax
  13f37a:	mov    %eax,0x60(%rsp)
  13f37e:	lea    0x10(%rsp),%rdi
  13f383:	lea    0x48(%rsp),%rsi
  13f388:	lea    0x58(%rsp),%rdx
  13f38d:	call   2896f0 <<std::sys::pal::unix::time::Timespec>::sub_timespec>
  13f392:	cmpb   $0x0,0x10(%rsp)
  13f397:	mov    0x20(%rsp),%edx
  13f39b:	mov    $0x0,%esi
  13f3a0:	cmovne %esi,%edx
  13f3a3:	cmove  0x18(%rsp),%rsi
  13f3a9:	mov    %rbp,0x10(%rsp)
  13f3ae:	lea    0x10(%rsp),%rcx
  13f3b3:	mov    0x30(%rsp),%rax
  13f3b8:	mov    %r15,(%rax)
  13f3bb:	mov    0x38(%rsp),%rax
  13f3c0:	mov    %rsi,(%rax)
  13f3c3:	mov    %edx,0x8(%rax)
  13f3c6:	mov    %rbx,0x10(%rax)
  13f3ca:	add    $0x68,%rsp
  13f3ce:	pop    %rbx
  13f3cf:	pop    %r12
  13f3d1:	pop    %r13
  13f3d3:	pop    %r14
  13f3d5:	pop    %r15
  13f3d7:	pop    %rbp
  13f3d8:	ret
  13f3d9:	lea    0x177b88(%rip),%rdx        # 2b6f68 <anon.8cfae0649b24339a7c6ff37f2bd6b634.1766.llvm.13263554319387139704+0xcf8>
  13f3e0:	mov    %r15,%rdi
  13f3e3:	mov    %r13,%rsi
  13f3e6:	call   *0x17d28c(%rip)        # 2bc678 <_DYNAMIC+0x218>
