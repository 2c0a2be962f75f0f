//! The binary's global allocator: mimalloc, called through its plain entry points.
//!
//! `mimalloc::MiMalloc` sends every request through mimalloc's aligned entry points
//! (`mi_malloc_aligned`, `mi_realloc_aligned`), which check the alignment on each call and take a
//! slower, over-allocating path for blocks above 1 KiB whose size class is not a multiple of the
//! alignment. Almost every Rust allocation asks for an alignment of 8 or less, which every
//! mimalloc block has, so [`MiMalloc`] calls `mi_malloc`, `mi_zalloc` and `mi_realloc` for those
//! and the aligned entry points only for larger alignments (as the standard library's `System`
//! allocator does with `malloc`). One analysed page makes several thousand allocations.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as ffi;

/// The alignment every mimalloc block has, whatever its size (its smallest size class is 8
/// bytes, and blocks are laid out in multiples of their size from an aligned page start).
const PLAIN_ALIGN: usize = 8;

/// mimalloc as a Rust global allocator, without the aligned entry points where they are not
/// needed. Use as `#[global_allocator] static A: MiMalloc = MiMalloc;`.
pub struct MiMalloc;

// SAFETY: every method forwards to mimalloc, which returns blocks of at least the requested size
// with at least `PLAIN_ALIGN` alignment from its plain entry points (used only when the layout's
// alignment is no larger) and the requested alignment from its aligned ones; `mi_free` and the
// reallocation functions accept a block from either.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarding to mimalloc, see above.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                ffi::mi_malloc(layout.size()).cast()
            } else {
                ffi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarding to mimalloc, see above.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                ffi::mi_zalloc(layout.size()).cast()
            } else {
                ffi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, see above.
        unsafe { ffi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`, see above.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                ffi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                ffi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocates_aligned_blocks_of_every_kind() {
        let a = MiMalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 7, 8, 24, 1000, 1025, 5000, 200_000] {
                let layout = Layout::from_size_align(size, align).expect("layout");
                // SAFETY: non-zero sizes; each block is written within its size and freed once.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    p.write_bytes(0xab, size);
                    let q = a.realloc(p, layout, size * 2 + 3);
                    assert_eq!(q as usize % align, 0, "realloc size {size} align {align}");
                    assert_eq!(*q.add(size - 1), 0xab);
                    a.dealloc(
                        q,
                        Layout::from_size_align(size * 2 + 3, align).expect("layout"),
                    );
                    let z = a.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
