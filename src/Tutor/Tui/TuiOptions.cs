namespace Tutor.Tui;

/// <summary>How the screen looks: colour or monochrome, Unicode or ASCII symbols, and a hook for the first frame.</summary>
public sealed record TuiOptions(bool Monochrome, GlyphSet Glyphs)
{
    /// <summary>Called once, on the UI thread, after the first full screen has been drawn (start-up benchmark).</summary>
    public Action? OnFirstDraw { get; init; }

    /// <summary>Reads an environment variable (the editor to open, PATH); replaced in tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Reads NO_COLOR (any non-empty value, per no-color.org), TERM and the locale.</summary>
    public static TuiOptions FromEnvironment(Func<string, string?> environment) =>
        new(!string.IsNullOrEmpty(environment("NO_COLOR")), GlyphSet.Detect(environment)) { Environment = environment };

    public static TuiOptions FromEnvironment() => FromEnvironment(System.Environment.GetEnvironmentVariable);
}
