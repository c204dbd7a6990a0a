namespace Helpline.Analysis.Tests.Loading;

public class SettlingThreadTests
{
    /// <summary>A batch holding one row, refused as read, whose line is <paramref name="line"/>.</summary>
    private static void Fill(PendingRows batch, int line) => batch.Refuse("x", line, "test");

    [Fact]
    public void Batches_are_settled_once_each_in_the_order_they_were_handed_over()
    {
        var settled = new List<int>();
        using (var settler = new SettlingThread(batch => settled.Add(batch[0].Line), batches: 3, rowsPerBatch: 4))
        {
            var batch = settler.Empty();
            for (int line = 1; line <= 500; line++)
            {
                Fill(batch, line);
                batch = settler.HandOver(batch);
            }
            Fill(batch, 501);
            settler.Finish(batch);
        }
        Assert.Equal(Enumerable.Range(1, 501), settled);
    }

    [Fact]
    public void An_exception_in_the_settler_reaches_the_reader_once_as_it_was_thrown()
    {
        var failure = new InvalidOperationException("settling failed");
        using var settler = new SettlingThread(batch => _ = batch[0].Line == 3 ? throw failure : 0, batches: 2, rowsPerBatch: 4);
        var batch = settler.Empty();
        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            // Every hand-over after the third batch may be the one that meets the failure, and one must.
            for (int line = 1; line <= 10; line++)
            {
                Fill(batch, line);
                batch = settler.HandOver(batch);
            }
        });
        Assert.Same(failure, thrown);
        settler.Finish(null); // already thrown: the reader's own exception goes on
    }

    [Fact]
    public void Finishing_after_a_failure_of_the_reader_throws_the_settlers_earlier_exception_if_not_thrown_yet()
    {
        var failure = new InvalidOperationException("settling failed");
        using var settler = new SettlingThread(batch => _ = batch[0].Line == 2 ? throw failure : 0, batches: 4, rowsPerBatch: 4);
        var batch = settler.Empty();
        Fill(batch, 1);
        batch = settler.HandOver(batch);
        Fill(batch, 2);
        // The last hand-over meets the failure if the settler got there first; else finishing does, once the reader failed.
        var atHandOver = Record.Exception(() => settler.HandOver(batch));
        var atFinish = Record.Exception(() => settler.Finish(null));
        Assert.Same(failure, atHandOver ?? atFinish);
        Assert.True(atHandOver is null || atFinish is null, "thrown twice");
    }

    [Fact]
    public async Task Disposing_stops_the_settler_while_batches_are_still_waiting()
    {
        int settled = 0;
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var settler = new SettlingThread(batch =>
        {
            started.Set();
            release.Wait();
            Interlocked.Increment(ref settled);
        }, batches: 3, rowsPerBatch: 4);
        var batch = settler.Empty();
        for (int line = 1; line <= 3; line++)
        {
            Fill(batch, line);
            batch = line < 3 ? settler.HandOver(batch) : batch;
        }
        started.Wait();
        var disposing = Task.Run(settler.Dispose);
        release.Set();
        await disposing.WaitAsync(TimeSpan.FromSeconds(30)); // else the settler did not stop
        Assert.InRange(settled, 1, 2); // the batch it had begun, maybe the one waiting (as the threads meet); never the one kept
        settler.Dispose();
    }
}
