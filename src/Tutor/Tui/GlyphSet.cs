namespace Tutor.Tui;

/// <summary>
/// The symbols the screen uses for marks and states. Two sets: Unicode symbols that are one column wide in
/// common terminal fonts (no emoji, whose width tmux and terminals disagree on), and a plain ASCII fallback
/// for consoles without UTF-8.
/// </summary>
public sealed record GlyphSet(
    string Done,
    string Current,
    string Open,
    string Locked,
    string Pass,
    string Fail,
    string Pending,
    string Connected,
    string Connecting,
    string Lost,
    string Diagnosis,
    string Separator,
    string Expanded,
    string Collapsed,
    string Dash,
    string Ellipsis)
{
    public static readonly GlyphSet Unicode = new(
        Done: "✓", Current: "▶", Open: "·", Locked: "⊘",
        Pass: "✓", Fail: "✗", Pending: "…",
        Connected: "●", Connecting: "◌", Lost: "○",
        Diagnosis: "↳", Separator: "·",
        Expanded: "▾", Collapsed: "▸", Dash: "—", Ellipsis: "…");

    public static readonly GlyphSet Ascii = new(
        Done: "+", Current: ">", Open: "-", Locked: "#",
        Pass: "+", Fail: "x", Pending: "?",
        Connected: "*", Connecting: "~", Lost: "!",
        Diagnosis: "->", Separator: "|",
        Expanded: "-", Collapsed: "+", Dash: "-", Ellipsis: "...");

    public string MarkOf(LessonMark mark) => mark switch
    {
        LessonMark.Done => Done,
        LessonMark.Current => Current,
        LessonMark.Locked => Locked,
        _ => Open,
    };

    /// <summary>
    /// Picks the set for a terminal: ASCII when asked for (TUTOR_ASCII), on terminals whose fonts lack the
    /// symbols (the Linux console, vt100, dumb) or under a locale that is not UTF-8.
    /// </summary>
    public static GlyphSet Detect(Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(environment("TUTOR_ASCII")))
        {
            return Ascii;
        }

        var term = environment("TERM") ?? "";
        if (term is "dumb" or "linux" or "vt100" or "vt220")
        {
            return Ascii;
        }

        // The first locale variable that is set decides, as in the C library.
        var locale = new[] { "LC_ALL", "LC_CTYPE", "LANG" }
            .Select(environment)
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));
        if (locale is not null && locale is not ("C.UTF-8" or "C.utf8")
            && !locale.Contains("UTF-8", StringComparison.OrdinalIgnoreCase)
            && !locale.Contains("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return Ascii;
        }

        return Unicode;
    }
}
