using System.Runtime.ExceptionServices;

namespace Helpline.Analysis;

/// <summary>
/// A second thread that settles batches of rows, in the order they are handed over, while the reading thread fills the
/// next ones. A few batches go round between the two: the reader waits when all are with the settler, the settler when
/// none is. An exception in the settler is thrown to the reader once, at its next hand-over or at <see cref="Finish"/>;
/// disposing stops the settler without waiting for the batches it has not begun.
/// </summary>
internal sealed class SettlingThread : IDisposable
{
    private readonly Action<PendingRows> _settle;
    private readonly Thread _thread;
    private readonly object _gate = new();
    private readonly Queue<PendingRows> _full = new(), _empty = new();
    private bool _closed, _abandoned, _faultThrown;
    private volatile int _waiting;
    private ExceptionDispatchInfo? _fault;

    public SettlingThread(Action<PendingRows> settle, int batches, int rowsPerBatch)
    {
        _settle = settle;
        for (int i = 0; i < batches; i++)
            _empty.Enqueue(new PendingRows(rowsPerBatch));
        _thread = new Thread(Run) { IsBackground = true, Name = "register settler" };
        _thread.Start();
    }

    /// <summary>How many batches wait for the settler, besides the one it settles: a moment's reading, no lock taken.</summary>
    public int Waiting => _waiting;

    /// <summary>An empty batch to parse rows into; waits for one when all are with the settler.</summary>
    public PendingRows Empty()
    {
        lock (_gate)
        {
            while (_empty.Count == 0 && _fault is null)
                Monitor.Wait(_gate);
            ThrowFault();
            return _empty.Dequeue();
        }
    }

    /// <summary>Gives a full batch to the settler and returns an empty one.</summary>
    public PendingRows HandOver(PendingRows batch)
    {
        lock (_gate)
        {
            ThrowFault();
            _full.Enqueue(batch);
            _waiting = _full.Count;
            Monitor.PulseAll(_gate);
        }
        return Empty();
    }

    /// <summary>
    /// Gives the last batch (if any), waits until every batch handed over is settled, and throws the settler's
    /// exception if it had one not thrown yet: that came from a row earlier in the file than anything the reader met
    /// after it.
    /// </summary>
    public void Finish(PendingRows? last)
    {
        lock (_gate)
        {
            if (last is { Count: > 0 } && _fault is null)
                _full.Enqueue(last);
            _closed = true;
            Monitor.PulseAll(_gate);
        }
        _thread.Join();
        lock (_gate)
        {
            if (!_faultThrown)
                ThrowFault();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _abandoned = true;
            Monitor.PulseAll(_gate);
        }
        _thread.Join();
    }

    /// <summary>Throws the settler's exception, if any, as the settler met it. Under the lock.</summary>
    private void ThrowFault()
    {
        if (_fault is null)
            return;
        _faultThrown = true;
        _fault.Throw();
    }

    private void Run()
    {
        while (true)
        {
            PendingRows batch;
            lock (_gate)
            {
                while (_full.Count == 0 && !_closed && !_abandoned)
                    Monitor.Wait(_gate);
                if (_abandoned || _full.Count == 0)
                    return;
                batch = _full.Dequeue();
                _waiting = _full.Count;
            }
            try
            {
                _settle(batch);
            }
#pragma warning disable CA1031 // not swallowed: the reader's thread throws it
            catch (Exception e)
#pragma warning restore CA1031
            {
                lock (_gate)
                {
                    _fault = ExceptionDispatchInfo.Capture(e);
                    Monitor.PulseAll(_gate);
                }
                return;
            }
            batch.Clear();
            lock (_gate)
            {
                _empty.Enqueue(batch);
                Monitor.PulseAll(_gate);
            }
        }
    }
}
