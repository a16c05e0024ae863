namespace Tutor.Tui;

/// <summary>
/// Lays the keys out on one line. When the full words do not fit, the words go (except for help and quit, so a
/// learner can always find the rest), then the gaps shrink: every key stays visible at any width down to 30 columns.
/// </summary>
public static class KeyBarLayout
{
    public static IReadOnlyList<KeyBarSegment> Layout(IReadOnlyList<KeyBindingInfo> bindings, int width)
    {
        var keys = bindings.Where(b => b.Command is not null).ToList();
        IReadOnlyList<KeyBarSegment>[] candidates =
        [
            Place(keys, _ => true, gap: 2),
            Place(keys, b => b.Command is TutorCommand.Help or TutorCommand.Quit, gap: 2),
            Place(keys, _ => false, gap: 2),
            Place(keys, _ => false, gap: 1),
        ];
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
