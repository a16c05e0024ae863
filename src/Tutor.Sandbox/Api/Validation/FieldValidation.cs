using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api.Validation;

/// <summary>
/// The <c>fieldValidation</c> a write asked for: Strict refuses unknown fields, Warn (the default, as on a
/// real API server) drops them and says so in <c>Warning</c> headers, Ignore drops them silently.
/// </summary>
public sealed class FieldValidation
{
    private readonly List<string> _warnings = new();

    private FieldValidation(string mode) => Mode = mode;

    public string Mode { get; }

    public IReadOnlyList<string> Warnings => _warnings;

    public static FieldValidation Parse(string? value) => value switch
    {
        null or "" or "Warn" => new FieldValidation("Warn"),
        "Strict" or "Ignore" => new FieldValidation(value),
        _ => throw ApiError.BadRequest($"fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\", got \"{value}\""),
    };

    /// <summary>Checks and prunes <paramref name="obj"/>; throws 400 under Strict when a field is unknown.</summary>
    public void Check(ResourceType type, JsonObject obj, bool apply)
    {
        var unknown = UnknownFields.Prune(type, obj);
        if (unknown.Count == 0 || Mode == "Ignore") return;
        if (Mode == "Strict")
        {
            if (apply)
            {
                var meta = obj["metadata"];
                var where = $"{meta?["namespace"]?.GetValue<string>()}/{meta?["name"]?.GetValue<string>()}".TrimStart('/');
                throw ApiError.BadRequest($"failed to create typed patch object ({where}; {type.ApiVersion}, Kind={type.Kind}): "
                                          + string.Join(", ", unknown.Select(f => $".{f}: field not declared in schema")));
            }

            throw ApiError.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: strict decoding error: "
                                      + string.Join(", ", unknown.Select(f => $"unknown field \"{f}\"")));
        }

        _warnings.AddRange(unknown.Select(f => $"unknown field \"{f}\""));
    }

    /// <summary>Adds the warnings as <c>Warning: 299 - "…"</c> headers, which kubectl prints as <c>Warning: …</c>.</summary>
    public Task AddHeaders(HttpResponse response)
    {
        foreach (var warning in _warnings)
            response.Headers.Append("Warning", $"299 - \"{warning.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"");
        return Task.CompletedTask;
    }
}
