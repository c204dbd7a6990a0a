namespace Helpline.Analysis;

/// <summary>
/// A register stored column by column: a number and six bytes a contact, caller keys pooled, so that a register of
/// millions of rows costs tens of megabytes, not hundreds, and counting runs over plain arrays.
/// </summary>
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
        NewCaller = new bool[capacity];
        Line = new int[capacity];
        Caller = new int[capacity];
        ContactId = new string?[capacity];
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

    public bool[] NewCaller { get; private set; }

    public int[] Line { get; private set; }

    /// <summary>Index into <see cref="CallerKeys"/>, or -1 for a contact without a key.</summary>
    public int[] Caller { get; private set; }

    public string?[] ContactId { get; private set; }

    /// <summary>Each distinct caller key once.</summary>
    public List<string> CallerKeys { get; } = [];

    // Caller keys by a 64-bit hash of their characters; a hit is confirmed against the pooled string.
    private HashIndex _callerIndex;

    public int CallerOf(string? key) => key is null ? -1 : CallerOf(key.AsSpan());

    /// <summary>The caller index of a key read from a cell: a new string only for a key not seen before.</summary>
    public int CallerOf(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
            return -1;
        ulong hash = 14695981039346656037UL;
        foreach (char ch in key)
            hash = (hash ^ ch) * 1099511628211UL;
        for (; ; hash++) // a collision between two different keys moves on to the next hash value
        {
            if (!_callerIndex.TryGetValue(hash, out int index))
            {
                index = CallerKeys.Count;
                CallerKeys.Add(key.ToString());
                _callerIndex.TryAdd(hash, index);
                return index;
            }
            if (key.SequenceEqual(CallerKeys[index]))
                return index;
        }
    }

    /// <summary>The pool's lookup is only needed while rows are added.</summary>
    public void Seal() => _callerIndex = new HashIndex(0);

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
        NewCaller[i] = c.IsNewCaller;
        Line[i] = c.SourceLine;
        Caller[i] = caller;
        ContactId[i] = c.ContactId;
    }

    public Contact this[int i] => new(
        new DateTime(Ticks[i]), (Channel)Channel[i], (Outcome)Outcome[i], (Requester)Requester[i], (Gender)Gender[i],
        (AgeBand)AgeBand[i], (Referral)Referral[i], Caller[i] < 0 ? null : CallerKeys[Caller[i]], ContactId[i], NewCaller[i], Line[i]);

    /// <summary>Equal values, the line aside: what makes a row a duplicate of another.</summary>
    public bool SameValues(int i, in Contact c, int caller) =>
        Ticks[i] == c.ReceivedAt.Ticks && Channel[i] == (byte)c.Channel && Outcome[i] == (byte)c.Outcome && Requester[i] == (byte)c.Requester
        && Gender[i] == (byte)c.Gender && AgeBand[i] == (byte)c.AgeBand && Referral[i] == (byte)c.Referral && Caller[i] == caller
        && string.Equals(ContactId[i], c.ContactId, StringComparison.Ordinal);

    /// <summary>Orders the rows by arrival, ties in the order they came, and marks each caller's first contact.</summary>
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
            ContactId = Permute(ContactId, order);
        }
        var seen = new bool[CallerKeys.Count];
        NewCaller = new bool[Count];
        for (int i = 0; i < Count; i++)
        {
            int caller = Caller[i];
            if (caller >= 0 && !seen[caller])
            {
                seen[caller] = true;
                NewCaller[i] = true;
            }
        }
        Trim();
    }

    private T[] Permute<T>(T[] column, int[] order)
    {
        var result = new T[Count];
        for (int i = 0; i < Count; i++)
            result[i] = column[order[i]];
        return result;
    }

    private void Trim()
    {
        if (Ticks.Length == Count)
            return;
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
        NewCaller = Resized(NewCaller, size);
        Line = Resized(Line, size);
        Caller = Resized(Caller, size);
        ContactId = Resized(ContactId, size);
    }

    private T[] Resized<T>(T[] column, int size)
    {
        var result = new T[size];
        Array.Copy(column, result, Math.Min(Count, size));
        return result;
    }
}
