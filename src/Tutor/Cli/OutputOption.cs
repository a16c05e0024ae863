using System.CommandLine;

namespace Tutor.Cli;

/// <summary><c>--output text|json</c> (also <c>-o</c>), as kubectl spells it.</summary>
public static class OutputOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--output", "-o") { Description = "text or json", DefaultValueFactory = _ => "text" };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    public static bool IsJson(ParseResult parse, Option<string> option) => parse.GetValue(option) == "json";
}
