using System.Runtime.InteropServices;

namespace Helpline.Analysis;

/// <summary>
/// Zeroed memory for a large hash table, in 2 MB pages where Linux gives them (an anonymous mapping with
/// <c>madvise(MADV_HUGEPAGE)</c>; the default policy of most systems, <c>madvise</c>, gives them only when asked). A
/// random lookup in a table of a hundred megabytes then finds its page in the processor's address cache instead of
/// walking the page table, and the table is mapped with a few dozen page faults instead of tens of thousands.
/// Elsewhere, or when the mapping fails, it is plain native memory.
/// </summary>
internal sealed unsafe partial class TableMemory : IDisposable
{
    private const nuint HugePage = 2 << 20;
    private const int ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20, MadvHugePage = 14;

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
