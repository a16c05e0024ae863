namespace Tutor.Tui;

/// <summary>The window title: which cluster, which namespace, whether it answers, and a loud label on the sandbox.</summary>
public static class HeaderText
{
    public static string Title(ConnectionStatus status, GlyphSet glyphs, Tutor.Core.Classroom.ClassroomPace? classroom = null)
    {
        var sep = $" {glyphs.Separator} ";
        var cluster = status.Simulated ? $"SIMULATED CLUSTER ({status.Context})" : status.Context;
        var room = classroom is null ? "" : $"{sep}{classroom.Describe(glyphs.Separator)}";
        return $"Tutor{room}{sep}{cluster}{sep}ns {status.Namespace}{sep}{Connection(status, glyphs)}";
    }

    public static string Connection(ConnectionStatus status, GlyphSet glyphs) => status.State switch
    {
        ConnectionState.Connected => $"{glyphs.Connected} connected",
        ConnectionState.Connecting => $"{glyphs.Connecting} connecting{glyphs.Ellipsis}",
        _ => string.IsNullOrWhiteSpace(status.Reason)
            ? $"{glyphs.Lost} connection lost"
            : $"{glyphs.Lost} connection lost: {status.Reason}",
    };
}
