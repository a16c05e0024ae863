using System.Text.Json.Nodes;
using Tutor.Core.Checks;

namespace Tutor.Core.Manifests;

/// <summary>One document of a manifest file: its kind, name, namespace (if written), the body as JSON, and the line it starts on.</summary>
public sealed record ManifestObject(ResourceKind Kind, string Name, string? Namespace, JsonObject Body, string File, int Line);
