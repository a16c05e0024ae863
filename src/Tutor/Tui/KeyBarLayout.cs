namespace Tutor.Tui;

/// <summary>
/// Lays the keys out on one line. When the full words do not fit, words go one at a time, the most guessable
/// first (n and p), help and quit last, so a learner can always find the rest; then the gaps shrink: every key
/// stays visible at any width down to 30 columns.
/// </summary>
public static class KeyBarLayout
{
    private static readonly TutorCommand[] WordsDropped =
    [
        TutorCommand.PreviousStep, TutorCommand.NextStep, TutorCommand.Objects, TutorCommand.Reset, TutorCommand.Solution,
        TutorCommand.Hint, TutorCommand.Check, TutorCommand.Apply, TutorCommand.Edit, TutorCommand.Diff, TutorCommand.RunCommand,
    ];

    public static IReadOnlyList<KeyBarSegment> Layout(IReadOnlyList<KeyBindingInfo> bindings, int width)
    {
        var keys = bindings.Where(b => b.Command is not null).ToList();
        var candidates = Enumerable.Range(0, WordsDropped.Length + 1)
            .Select(dropped => Place(keys, b => !WordsDropped.Take(dropped).Contains(b.Command!.Value), gap: 2))
            .Append(Place(keys, _ => false, gap: 2))
            .Append(Place(keys, _ => false, gap: 1))
            .ToList();
        return candidates.FirstOrDefault(c => End(c) <= width) ?? candidates[^1];
    }

    private static IReadOnlyList<KeyBarSegment> Place(List<KeyBindingInfo> keys, Func<KeyBindingInfo, bool> withLabel, int gap)
    {
        var segments = new List<KeyBarSegment>();
        var column = 1;
        foreach (var binding in keys)
        {
            var segment = new KeyBarSegment(column, binding.Keys, withLabel(binding) ? binding.Label : "", binding.Command!.Value);
            segments.Add(segment);
            column += segment.Width + gap;
        }

        return segments;
    }

    private static int End(IReadOnlyList<KeyBarSegment> segments) =>
        segments.Count == 0 ? 0 : segments[^1].Start + segments[^1].Width;
}
