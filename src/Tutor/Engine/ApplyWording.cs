using Tutor.Core.Cluster;

namespace Tutor.Engine;

/// <summary>One line saying what an apply or reset did, for the status line and the verbs.</summary>
public static class ApplyWording
{
    public static string Describe(ApplyResult result, string what = "applied")
    {
        if (!result.Ok)
        {
            var first = result.Errors[0].ToString();
            return result.Errors.Count == 1 ? $"nothing {what}: {first}" : $"nothing {what}: {first} (and {result.Errors.Count - 1} more)";
        }

        if (result.Applied.Count == 0) return $"nothing to {(what == "applied" ? "apply" : what)}";
        var parts = result.Applied.GroupBy(a => a.Action).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        var names = string.Join(", ", result.Applied.Take(3).Select(a => a.ToString()));
        var more = result.Applied.Count > 3 ? $", +{result.Applied.Count - 3} more" : "";
        return $"{what} {result.Applied.Count} object{(result.Applied.Count == 1 ? "" : "s")} ({string.Join(", ", parts)}): {names}{more}";
    }
}
