using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tutor.Core.Progress;

/// <summary>
/// Keeps each kube context's progress in its own file in the state directory. Saving is atomic; a file
/// that cannot be read is set aside and Tutor starts with fresh progress, with a warning saying so.
/// </summary>
public sealed class ProgressStore
{
    private const int FormatVersion = 1;
    private readonly TimeProvider _clock;

    public ProgressStore(string directory, TimeProvider? clock = null)
    {
        Directory = directory;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The store in the user's state directory (<see cref="StateDirectory"/>).</summary>
    public static ProgressStore Default() => new(StateDirectory.Resolve());

    public string Directory { get; }

    public string PathFor(string context) => Path.Combine(Directory, $"progress-{ContextFileName.For(context)}.json");

    public ProgressLoadResult Load(string context)
    {
        var path = PathFor(context);
        if (!File.Exists(path))
            return new ProgressLoadResult(LearnerProgress.Empty, null);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SetAside(path, e.Message);
        }
        return Deserialize(text, out var problem) is { } progress
            ? new ProgressLoadResult(progress, null)
            : SetAside(path, problem!);
    }

    public void Save(string context, LearnerProgress progress) =>
        AtomicFile.WriteAllText(PathFor(context), Serialize(context, progress));

    private ProgressLoadResult SetAside(string path, string problem) =>
        new(LearnerProgress.Empty, "progress file " + CorruptFile.SetAside(path, problem, _clock.GetUtcNow(), "starts with fresh progress"));

    internal static string Serialize(string context, LearnerProgress progress)
    {
        var passed = new JsonObject();
        foreach (var (lesson, steps) in progress.Passed.OrderBy(p => p.Key, StringComparer.Ordinal))
            passed[lesson] = new JsonArray(steps.Select(s => (JsonNode)JsonValue.Create(s)).ToArray());
        var root = new JsonObject
        {
            ["version"] = FormatVersion,
            ["context"] = context,
            ["currentLesson"] = progress.CurrentLessonId,
            ["currentStep"] = progress.CurrentStep,
            ["updatedAt"] = progress.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["passed"] = passed,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    internal static LearnerProgress? Deserialize(string text, out string? problem)
    {
        problem = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            problem = $"line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)}";
            return null;
        }
        if (root is not JsonObject map)
            return Invalid(out problem, "it is not a JSON object");
        if (map["version"] is not JsonValue v || !v.TryGetValue<int>(out var version))
            return Invalid(out problem, "it has no version");
        if (version != FormatVersion)
            return Invalid(out problem, $"it has format version {version}; this Tutor reads version {FormatVersion}");

        string? lesson = null;
        if (map["currentLesson"] is JsonValue l && !l.TryGetValue(out lesson))
            return Invalid(out problem, "currentLesson is not text");
        var step = 0;
        if (map["currentStep"] is { } s && (s is not JsonValue sv || !sv.TryGetValue(out step) || step < 0))
            return Invalid(out problem, "currentStep is not a step number");
        var updated = DateTimeOffset.MinValue;
        if (map["updatedAt"] is { } u && (u is not JsonValue uv || !uv.TryGetValue<string>(out var stamp) ||
                                          !DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out updated)))
            return Invalid(out problem, "updatedAt is not a time");

        var passed = ImmutableDictionary.CreateBuilder<string, ImmutableSortedSet<int>>();
        if (map["passed"] is { } p)
        {
            if (p is not JsonObject lessons)
                return Invalid(out problem, "passed is not a map of lessons");
            foreach (var (id, steps) in lessons)
            {
                if (steps is not JsonArray list)
                    return Invalid(out problem, $"passed.{id} is not a list of step numbers");
                var numbers = ImmutableSortedSet.CreateBuilder<int>();
                foreach (var item in list)
                {
                    if (item is not JsonValue n || !n.TryGetValue<int>(out var number) || number < 1)
                        return Invalid(out problem, $"passed.{id} holds {item?.ToJsonString() ?? "null"}, not a step number");
                    numbers.Add(number);
                }
                passed[id] = numbers.ToImmutable();
            }
        }
        return new LearnerProgress(passed.ToImmutable(), lesson, step, updated);
    }

    private static LearnerProgress? Invalid(out string? problem, string message)
    {
        problem = message;
        return null;
    }

    // System.Text.Json appends "Path: $ | LineNumber: … | BytePositionInLine: …"; the line is given separately.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
