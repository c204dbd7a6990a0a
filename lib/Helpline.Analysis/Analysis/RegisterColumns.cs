namespace Helpline.Analysis;

/// <summary>
/// A register stored column by column: 23 bytes a contact, callers as numbers, no identifier kept, so that a register
/// of millions of rows costs tens of megabytes, not hundreds, and counting runs over plain arrays.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The caller index is freed by Seal(), which every builder of a register calls once its rows are in; its finalizer frees it otherwise.")]
internal sealed class RegisterColumns
{
    public RegisterColumns(int capacity)
    {
        Ticks = new long[capacity];
        Channel = new byte[capacity];
        Outcome = new byte[capacity];
        Requester = new byte[capacity];
        Gender = new byte[capacity];
        AgeBand = new byte[capacity];
        Referral = new byte[capacity];
        Line = new int[capacity];
        Caller = new int[capacity];
        _callerIndex = new HashIndex(capacity);
    }

    public int Count { get; private set; }

    public long[] Ticks { get; private set; }

    public byte[] Channel { get; private set; }

    public byte[] Outcome { get; private set; }

    public byte[] Requester { get; private set; }

    public byte[] Gender { get; private set; }

    public byte[] AgeBand { get; private set; }

    public byte[] Referral { get; private set; }

    /// <summary>Set by <see cref="SortAndMarkNewCallers"/>.</summary>
    public bool[] NewCaller { get; private set; } = [];

    public int[] Line { get; private set; }

    /// <summary>The caller's number (0 for the first caller to get in touch, 1 for the next, ...), or -1 for a contact without a key.</summary>
    public int[] Caller { get; private set; }

    /// <summary>How many different caller keys the register holds (while loading: the keys seen so far, repeated rows' included).</summary>
    public int CallerCount { get; private set; }

    // Caller keys by fingerprint: the keys themselves are not kept.
    private HashIndex _callerIndex;

    public int CallerOf(string? key) => string.IsNullOrEmpty(key) ? -1 : CallerOf(Fingerprint.Of(key));

    public void PrefetchCaller(Fingerprint key) => _callerIndex.Prefetch(key);

    /// <summary>The caller number of a key, by its fingerprint.</summary>
    public int CallerOf(Fingerprint key)
    {
        int index = _callerIndex.GetOrAdd(key, CallerCount);
        if (index == CallerCount)
            CallerCount++;
        return index;
    }

    /// <summary>What a contact shows of its caller: a pseudonym numbered by first contact, never the key.</summary>
    public static string Pseudonym(int caller) => $"caller {caller + 1}";

    /// <summary>The pool's lookup is only needed while rows are added.</summary>
    public void Seal()
    {
        _callerIndex.Dispose();
        _callerIndex = new HashIndex(0);
    }

    public void Add(in Contact c, int caller)
    {
        if (Count == Ticks.Length)
            Grow();
        int i = Count++;
        Ticks[i] = c.ReceivedAt.Ticks;
        Channel[i] = (byte)c.Channel;
        Outcome[i] = (byte)c.Outcome;
        Requester[i] = (byte)c.Requester;
        Gender[i] = (byte)c.Gender;
        AgeBand[i] = (byte)c.AgeBand;
        Referral[i] = (byte)c.Referral;
        Line[i] = c.SourceLine;
        Caller[i] = caller;
    }

    public Contact this[int i] => new(
        new DateTime(Ticks[i]), (Channel)Channel[i], (Outcome)Outcome[i], (Requester)Requester[i], (Gender)Gender[i],
        (AgeBand)AgeBand[i], (Referral)Referral[i], Caller[i] < 0 ? null : Pseudonym(Caller[i]), NewCaller[i], Line[i]);

    /// <summary>Equal values, the line aside: what makes a row a duplicate of another.</summary>
    public bool SameValues(int i, in Contact c, int caller) =>
        Ticks[i] == c.ReceivedAt.Ticks && Channel[i] == (byte)c.Channel && Outcome[i] == (byte)c.Outcome && Requester[i] == (byte)c.Requester
        && Gender[i] == (byte)c.Gender && AgeBand[i] == (byte)c.AgeBand && Referral[i] == (byte)c.Referral && Caller[i] == caller;

    /// <summary>Orders the rows by arrival, ties in the order they came, marks each caller's first contact and
    /// numbers the callers in that order.</summary>
    public void SortAndMarkNewCallers()
    {
        bool sorted = true;
        for (int i = 1; i < Count && sorted; i++)
            sorted = Ticks[i] >= Ticks[i - 1];
        if (!sorted)
        {
            var order = new int[Count];
            for (int i = 0; i < Count; i++)
                order[i] = i;
            var keys = Ticks[..Count];
            Array.Sort(keys, order); // unstable on equal ticks: restore the file order of ties below
            for (int start = 0; start < Count;)
            {
                int end = start + 1;
                while (end < Count && keys[end] == keys[start])
                    end++;
                if (end - start > 1)
                    Array.Sort(order, start, end - start);
                start = end;
            }
            Ticks = Permute(Ticks, order);
            Channel = Permute(Channel, order);
            Outcome = Permute(Outcome, order);
            Requester = Permute(Requester, order);
            Gender = Permute(Gender, order);
            AgeBand = Permute(AgeBand, order);
            Referral = Permute(Referral, order);
            Line = Permute(Line, order);
            Caller = Permute(Caller, order);
        }
        var number = new int[CallerCount];
        int next = 0;
        NewCaller = new bool[Count];
        for (int i = 0; i < Count; i++)
        {
            int caller = Caller[i];
            if (caller < 0)
                continue;
            if (number[caller] == 0)
            {
                number[caller] = ++next;
                NewCaller[i] = true;
            }
            Caller[i] = number[caller] - 1;
        }
        CallerCount = next;
        Trim();
    }

    private T[] Permute<T>(T[] column, int[] order)
    {
        var result = new T[Count];
        for (int i = 0; i < Count; i++)
            result[i] = column[order[i]];
        return result;
    }

    // Columns are sized from the file, a little above the rows it holds: copying them all to drop an eighth or less
    // would cost more memory at the peak than it saves.
    private void Trim()
    {
        if (Ticks.Length - Count > Ticks.Length / 8)
            Resize(Count);
    }

    private void Grow() => Resize(Math.Max(16, Ticks.Length * 2));

    private void Resize(int size)
    {
        Ticks = Resized(Ticks, size);
        Channel = Resized(Channel, size);
        Outcome = Resized(Outcome, size);
        Requester = Resized(Requester, size);
        Gender = Resized(Gender, size);
        AgeBand = Resized(AgeBand, size);
        Referral = Resized(Referral, size);
        Line = Resized(Line, size);
        Caller = Resized(Caller, size);
    }

    private T[] Resized<T>(T[] column, int size)
    {
        var result = new T[size];
        Array.Copy(column, result, Math.Min(Count, size));
        return result;
    }
}
