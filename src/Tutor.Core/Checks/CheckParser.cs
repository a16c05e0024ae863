namespace Tutor.Core.Checks;

/// <summary>Reads a step's checks file (YAML list) into checks, with file:line errors.</summary>
public static class CheckParser
{
    // Contract only; the parser is written in the checks work.
    public static CheckParseResult Parse(string yaml, string file) => throw new NotImplementedException();
}
