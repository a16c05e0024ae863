namespace Tutor.Tui;

/// <summary>Word wrapping for panel lines, with a hanging indent so wrapped reasons line up under their title.</summary>
public static class TextWrap
{
    public static IReadOnlyList<string> Wrap(string text, int width, int hangingIndent = 0)
    {
        width = Math.Max(width, hangingIndent + 8);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            // Leading spaces of a paragraph are kept: they indent a line on purpose (a diagnosis under its check).
            var lead = paragraph[..(paragraph.Length - paragraph.TrimStart(' ').Length)];
            var line = "";
            var indent = lines.Count == 0 ? lead : new string(' ', Math.Max(hangingIndent, lead.Length));
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? indent + word : line + " " + word;
                if (candidate.Length <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                    indent = new string(' ', hangingIndent);
                }

                // A word longer than the line is cut rather than left to run off the panel.
                var rest = word;
                while (indent.Length + rest.Length > width)
                {
                    var take = width - indent.Length;
                    lines.Add(indent + rest[..take]);
                    rest = rest[take..];
                    indent = new string(' ', hangingIndent);
                }

                line = indent + rest;
            }

            lines.Add(line);
        }

        return lines;
    }
}
