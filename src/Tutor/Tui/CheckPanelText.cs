namespace Tutor.Tui;

/// <summary>
/// Turns check results into the panel's lines: a glyph per check (and in monochrome the words PASS / FAIL,
/// so the outcome never depends on colour alone), the reason after the title, and the diagnosis under a
/// failing check. A lost connection is said first, because every verdict below it may be stale.
/// </summary>
public sealed class CheckPanelText(GlyphSet glyphs, bool words)
{
    public const string NetworkPolicyNotice = "NetworkPolicy is stored and validated here but not enforced (the sandbox has no CNI).";

    public IReadOnlyList<PanelLine> Lines(TutorState state, int width)
    {
        var lines = new List<PanelLine>();
        var connection = state.Connection;
        if (connection.State == ConnectionState.Lost)
        {
            var reason = string.IsNullOrWhiteSpace(connection.Reason) ? "" : $": {connection.Reason}";
            Add(lines, $"{glyphs.Lost} Connection lost{reason} {glyphs.Dash} results below may be stale.", PanelLineKind.Warning, width, 2);
        }
        else if (connection.State == ConnectionState.Connecting)
        {
            Add(lines, $"{glyphs.Connecting} Connecting to {connection.Context}{glyphs.Ellipsis}", PanelLineKind.Warning, width, 2);
        }

        if (state.Step is null)
        {
            Add(lines, "Pick a lesson in the tree and press Enter.", PanelLineKind.Normal, width, 0);
            return lines;
        }

        if (state.Connection.Simulated && state.Step.UsesNetworkPolicy)
        {
            Add(lines, NetworkPolicyNotice, PanelLineKind.Diagnosis, width, 2);
        }

        if (state.Checks.Count == 0)
        {
            Add(lines, "This step has no checks.", PanelLineKind.Normal, width, 0);
            return lines;
        }

        foreach (var check in state.Checks)
        {
            Add(lines, CheckLine(check), KindOf(check), width, 2);
            if (check.Verdict is { Passed: false, Diagnosis: { Length: > 0 } diagnosis })
            {
                Add(lines, $"  {glyphs.Diagnosis} {diagnosis}", PanelLineKind.Diagnosis, width, 4);
            }
        }

        if (state.Step is { Done: true, NextUnlocked: true } step)
        {
            var next = step.Number < step.Count ? $"step {step.Number + 1}" : "the next lesson";
            Add(lines, $"{glyphs.Pass} Step {step.Number} done {glyphs.Dash} press n for {next}.", PanelLineKind.Pass, width, 2);
        }

        return lines;
    }

    /// <summary>The first line of one check, before wrapping: "✓ title — reason".</summary>
    public string CheckLine(CheckResult check)
    {
        var prefix = check.Verdict switch
        {
            null => words ? $"{glyphs.Pending} WAIT" : glyphs.Pending,
            { Passed: true } => words ? $"{glyphs.Pass} PASS" : glyphs.Pass,
            _ => words ? $"{glyphs.Fail} FAIL" : glyphs.Fail,
        };
        var reason = check.Verdict is null ? "not checked yet" : check.Verdict.Message;
        return string.IsNullOrWhiteSpace(reason) ? $"{prefix} {check.Title}" : $"{prefix} {check.Title} {glyphs.Dash} {reason}";
    }

    /// <summary>The panel's frame title, e.g. "Checks 2/3 passing".</summary>
    public string Title(TutorState state)
    {
        if (state.Checks.Count == 0)
        {
            return "Checks";
        }

        var passed = state.Checks.Count(c => c.Verdict?.Passed == true);
        return passed == state.Checks.Count ? $"Checks {passed}/{state.Checks.Count} {glyphs.Dash} all pass" : $"Checks {passed}/{state.Checks.Count} passing";
    }

    private static PanelLineKind KindOf(CheckResult check) => check.Verdict switch
    {
        null => PanelLineKind.Pending,
        { Passed: true } => PanelLineKind.Pass,
        _ => PanelLineKind.Fail,
    };

    private static void Add(List<PanelLine> lines, string text, PanelLineKind kind, int width, int indent)
    {
        foreach (var line in TextWrap.Wrap(text, width, indent))
        {
            lines.Add(new PanelLine(line, kind));
        }
    }
}
