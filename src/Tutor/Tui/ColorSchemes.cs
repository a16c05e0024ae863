using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Tutor.Tui;

/// <summary>
/// Colours of Tutor's own lines, and the monochrome scheme used under NO_COLOR. In monochrome only black,
/// white and text styles are used, so pass and fail are told apart by glyph and word, never by hue.
/// </summary>
public sealed class ColorSchemes(bool monochrome)
{
    public bool Monochrome { get; } = monochrome;

    /// <summary>The scheme for the whole window under NO_COLOR; null means keep the theme's colours.</summary>
    public Scheme? WindowScheme => Monochrome ? MonochromeScheme : null;

    private static readonly Scheme MonochromeScheme = new(new Attribute(Color.White, Color.Black))
    {
        HotNormal = new Attribute(Color.White, Color.Black, TextStyle.Bold | TextStyle.Underline),
        Focus = new Attribute(Color.Black, Color.White),
        HotFocus = new Attribute(Color.Black, Color.White, TextStyle.Bold | TextStyle.Underline),
        Active = new Attribute(Color.Black, Color.White, TextStyle.Bold),
        HotActive = new Attribute(Color.Black, Color.White, TextStyle.Bold | TextStyle.Underline),
        Highlight = new Attribute(Color.White, Color.Black, TextStyle.Bold),
        Editable = new Attribute(Color.White, Color.Black),
        ReadOnly = new Attribute(Color.White, Color.Black, TextStyle.Faint),
        Disabled = new Attribute(Color.White, Color.Black, TextStyle.Faint),
    };

    /// <summary>The attribute for a panel line drawn over <paramref name="normal"/>.</summary>
    public Attribute For(PanelLineKind kind, Attribute normal)
    {
        if (Monochrome)
        {
            return kind switch
            {
                PanelLineKind.Fail or PanelLineKind.Warning or PanelLineKind.Heading => normal with { Style = TextStyle.Bold },
                PanelLineKind.Pending or PanelLineKind.Diagnosis => normal with { Style = TextStyle.Italic },
                _ => normal,
            };
        }

        return kind switch
        {
            PanelLineKind.Pass => normal with { Foreground = Color.BrightGreen },
            PanelLineKind.Fail => normal with { Foreground = Color.BrightRed, Style = TextStyle.Bold },
            PanelLineKind.Pending => normal with { Foreground = Color.Gray },
            PanelLineKind.Diagnosis => normal with { Foreground = Color.Yellow },
            PanelLineKind.Warning => normal with { Foreground = Color.BrightYellow, Style = TextStyle.Bold },
            PanelLineKind.Added => normal with { Foreground = Color.BrightGreen },
            PanelLineKind.Removed or PanelLineKind.Error => normal with { Foreground = Color.BrightRed },
            PanelLineKind.Heading => normal with { Foreground = Color.BrightCyan, Style = TextStyle.Bold },
            _ => normal,
        };
    }
}
