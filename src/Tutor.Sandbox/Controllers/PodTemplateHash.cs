using System.Text;
using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers;

/// <summary>The short, stable hash of a pod template that names a Deployment's ReplicaSet, as in <c>vote-7d4b9c8f6d</c>.</summary>
public static class PodTemplateHash
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Of(JsonNode? template)
    {
        // FNV-1a over the canonical JSON: same template, same hash, in every run.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(Canonical(template)))
        {
            hash ^= b;
            hash *= 16777619u;
        }

        var text = new StringBuilder();
        var value = (ulong)hash * 2654435761UL;
        for (var i = 0; i < 10; i++)
        {
            text.Append(Alphabet[(int)(value % (ulong)Alphabet.Length)]);
            value /= (ulong)Alphabet.Length;
            if (value == 0) value = hash + (ulong)i * 7919UL;
        }

        return text.ToString();
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"\"{kv.Key}\":{Canonical(kv.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
