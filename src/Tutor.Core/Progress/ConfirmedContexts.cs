using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tutor.Core.Progress;

/// <summary>
/// Kube contexts that do not look local and that the user has confirmed Tutor may apply to, remembered
/// in the state directory so each is asked about once. A file that cannot be read is set aside and every
/// context is asked about again — the safe direction.
/// </summary>
public sealed class ConfirmedContexts
{
    private readonly TimeProvider _clock;

    public ConfirmedContexts(string directory, TimeProvider? clock = null)
    {
        FilePath = Path.Combine(directory, "confirmed-contexts.json");
        _clock = clock ?? TimeProvider.System;
    }

    public static ConfirmedContexts Default() => new(StateDirectory.Resolve());

    public string FilePath { get; }

    public (IReadOnlySet<string> Contexts, string? Warning) Load()
    {
        if (!File.Exists(FilePath))
            return (ImmutableHashSet<string>.Empty, null);
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(FilePath));
            if (root?["contexts"] is not JsonArray list || list.Any(c => c is not JsonValue v || !v.TryGetValue<string>(out _)))
                return SetAside("it has no list of context names");
            return (list.Select(c => c!.GetValue<string>()).ToImmutableHashSet(), null);
        }
        catch (JsonException e)
        {
            return SetAside($"line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(" Path:")[0].Trim()}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return SetAside(e.Message);
        }
    }

    public bool IsConfirmed(string context) => Load().Contexts.Contains(context);

    public void Confirm(string context)
    {
        var contexts = Load().Contexts.Append(context).Distinct().Order(StringComparer.Ordinal);
        var root = new JsonObject { ["contexts"] = new JsonArray(contexts.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()) };
        AtomicFile.WriteAllText(FilePath, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private (IReadOnlySet<string>, string?) SetAside(string problem) =>
        (ImmutableHashSet<string>.Empty,
         "confirmed contexts file " + CorruptFile.SetAside(FilePath, problem, _clock.GetUtcNow(), "will ask again before applying to a context that does not look local"));
}
