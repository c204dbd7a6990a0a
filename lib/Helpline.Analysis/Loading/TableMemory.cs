using System.Runtime.InteropServices;

namespace Helpline.Analysis;

/// <summary>
/// Zeroed memory for a large hash table, in 2 MB pages where Linux gives them (an anonymous mapping with
/// <c>madvise(MADV_HUGEPAGE)</c>; the default policy of most systems, <c>madvise</c>, gives them only when asked). A
/// random lookup in a table of a hundred megabytes then finds its page in the processor's address cache instead of
/// walking the page table. The pages are filled in when the table is made (<c>MADV_POPULATE_WRITE</c>, Linux 5.14):
/// random keys touch every page of a table within its first rows anyway, and a page fault on each first touch (a read,
/// then a write) cost more, on the thread that looks keys up (5M rows on two threads: 0.2 s a load, 0.8 s on the
/// first load of a process).
/// Elsewhere, or when the mapping fails, it is plain native memory.
/// </summary>
internal sealed unsafe partial class TableMemory : IDisposable
{
    private const nuint HugePage = 2 << 20;
    private const int ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20, MadvHugePage = 14,
        MadvPopulateWrite = 23;

    private void* _mapped;
    private nuint _mappedBytes;

    public TableMemory(nuint bytes)
    {
        Bytes = bytes;
        if (bytes >= 2 * HugePage && OperatingSystem.IsLinux())
        {
            // One huge page more than needed, so that the table can start on a 2 MB boundary.
            nuint length = bytes + HugePage;
            var mapped = Mmap(null, length, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            if (mapped != (void*)-1)
            {
                _mapped = mapped;
                _mappedBytes = length;
                Pointer = (void*)(((nuint)mapped + HugePage - 1) & ~(HugePage - 1));
                // A hint: without huge pages the table still works, in 4 KB pages.
                _ = Madvise(Pointer, (bytes + HugePage - 1) & ~(HugePage - 1), MadvHugePage);
                // So is this: an older kernel refuses it, and the pages come at first touch.
                _ = Madvise(Pointer, (bytes + HugePage - 1) & ~(HugePage - 1), MadvPopulateWrite);
                return;
            }
        }
        Pointer = NativeMemory.AllocZeroed(Math.Max(bytes, 1));
    }

    ~TableMemory() => Free();

    /// <summary>The start of the table: zeroed, aligned to 2 MB when in huge pages.</summary>
    public void* Pointer { get; private set; }

    public nuint Bytes { get; }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (Pointer is null)
            return;
        if (_mapped is not null)
            _ = Munmap(_mapped, _mappedBytes);
        else
            NativeMemory.Free(Pointer);
        Pointer = null;
        _mapped = null;
    }

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(void* address, nuint length);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
