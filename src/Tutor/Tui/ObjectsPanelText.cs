namespace Tutor.Tui;

/// <summary>The objects panel's lines: a mark, the object, its state on the right ("● deploy/vote  3/3"). Pure.</summary>
public sealed class ObjectsPanelText(GlyphSet glyphs)
{
    public IReadOnlyList<PanelLine> Lines(TutorState state, int width)
    {
        if (state.Objects is not { } rows)
        {
            return Wrapped($"{glyphs.Connecting} waiting for the cluster{glyphs.Ellipsis}", width);
        }

        if (rows.Count == 0)
        {
            return Wrapped("None yet in your namespace.", width);
        }

        return rows.Select(r => new PanelLine(Line(r, width), KindOf(r.Health))).ToList();
    }

    private static IReadOnlyList<PanelLine> Wrapped(string text, int width) =>
        TextWrap.Wrap(text, width).Select(l => new PanelLine(l, PanelLineKind.Pending)).ToList();

    /// <summary>
    /// The panel's width on a screen <paramref name="screenWidth"/> wide, frame included. It does not follow the
    /// rows, so the text beside it does not reflow each time a Pod's state changes; long names lose their middle.
    /// </summary>
    public static int Width(int screenWidth) => Math.Clamp(screenWidth * 28 / 100, 24, 32);

    public string Line(ObjectRow row, int width)
    {
        var mark = row.Health switch
        {
            ObjectHealth.Ready => glyphs.Connected,
            ObjectHealth.Progressing => glyphs.Connecting,
            ObjectHealth.Failing => glyphs.Fail,
            _ => " ",
        };
        var status = row.Status.Length == 0 ? "" : " " + row.Status;
        var room = Math.Max(4, width - mark.Length - 1 - status.Length);
        var name = Shorten(row.Name, room);
        return $"{mark} {name.PadRight(room)}{status}";
    }

    // Pod names differ at their end ("vote-7d9f8b6c4-x9zq2"): keep both ends, drop the middle.
    private string Shorten(string name, int room)
    {
        if (name.Length <= room) return name;
        var tail = Math.Min(5, room / 3);
        var head = room - tail - glyphs.Ellipsis.Length;
        return head <= 0 ? name[..room] : name[..head] + glyphs.Ellipsis + name[^tail..];
    }

    private static PanelLineKind KindOf(ObjectHealth health) => health switch
    {
        ObjectHealth.Ready => PanelLineKind.Pass,
        ObjectHealth.Progressing => PanelLineKind.Pending,
        ObjectHealth.Failing => PanelLineKind.Fail,
        _ => PanelLineKind.Normal,
    };
}
