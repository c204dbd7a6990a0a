namespace Helpline.Analysis.Tests.Loading;

/// <summary>
/// A file whose reading fails at byte <paramref name="failAt"/>, as a file on a disk that goes away does. The first
/// megabyte, which the loader reads to detect the encoding, always reads.
/// </summary>
internal sealed class FailingStream(byte[] bytes, int failAt) : MemoryStream(bytes, writable: false)
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        Fail(count);
        return base.Read(buffer, offset, count);
    }

    public override int Read(Span<byte> buffer)
    {
        Fail(buffer.Length);
        return base.Read(buffer);
    }

    private void Fail(int count)
    {
        if (Position + count > failAt && Position > 1 << 20)
            throw new IOException("the disk went away");
    }
}
