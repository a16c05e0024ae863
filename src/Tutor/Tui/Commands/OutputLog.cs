namespace Tutor.Tui;

/// <summary>
/// The lines a panel shows, bounded: past <see cref="Capacity"/> the oldest go, and <see cref="Dropped"/> says how
/// many, so `kubectl get events -w` left running cannot fill the memory. Safe to append to from any thread.
/// </summary>
public sealed class OutputLog(int capacity = 5000)
{
    private readonly object _gate = new();
    private readonly List<PanelLine> _lines = [];

    public int Capacity { get; } = capacity;

    public int Dropped { get; private set; }

    public int Count
    {
        get { lock (_gate) return _lines.Count; }
    }

    public void Add(PanelLine line)
    {
        lock (_gate)
        {
            _lines.Add(line);
            // Trimmed in chunks, so a long stream does not shift the whole list on every line.
            if (_lines.Count > Capacity + Capacity / 4)
            {
                var excess = _lines.Count - Capacity;
                _lines.RemoveRange(0, excess);
                Dropped += excess;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _lines.Clear();
            Dropped = 0;
        }
    }

    /// <summary>Up to <paramref name="count"/> lines from <paramref name="start"/>, as one consistent copy.</summary>
    public IReadOnlyList<PanelLine> Slice(int start, int count)
    {
        lock (_gate)
        {
            start = Math.Clamp(start, 0, _lines.Count);
            return _lines.GetRange(start, Math.Clamp(count, 0, _lines.Count - start));
        }
    }
}
