using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Controllers;

/// <summary>
/// The images the sandbox can pull (a data file shipped inside the assembly). An image or tag not listed
/// fails to pull, as a typo does on a real cluster.
/// </summary>
public sealed class ImageCatalogue
{
    private readonly Dictionary<string, ImageProfile> _images;

    private ImageCatalogue(Dictionary<string, ImageProfile> images) => _images = images;

    public static ImageCatalogue Shipped { get; } = Load();

    /// <summary>The profile of <paramref name="image"/>, or null with the reason a pull would fail.</summary>
    public ImageProfile? Find(string image, out string? failure)
    {
        var (repository, tag) = Split(image);
        failure = null;
        if (!_images.TryGetValue(repository, out var profile))
        {
            failure = $"failed to resolve reference \"{Qualified(image)}\": pull access denied, repository does not exist or may require authorization";
            return null;
        }

        if (tag is not null && !tag.StartsWith("sha256:", StringComparison.Ordinal) && !profile.Tags.Contains(tag))
        {
            failure = $"failed to resolve reference \"{Qualified(image)}\": \"{Qualified(image)}\": not found";
            return null;
        }

        return profile;
    }

    /// <summary>Repository without registry or library prefix, and the tag (latest when none; a digest as sha256:…).</summary>
    public static (string Repository, string? Tag) Split(string image)
    {
        var name = image.Trim();
        string? tag = null;
        var at = name.IndexOf('@');
        if (at >= 0)
        {
            tag = name[(at + 1)..];
            name = name[..at];
        }

        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag ??= name[(colon + 1)..];
            name = name[..colon];
        }

        foreach (var prefix in new[] { "docker.io/", "index.docker.io/", "registry-1.docker.io/" })
            if (name.StartsWith(prefix, StringComparison.Ordinal)) name = name[prefix.Length..];
        if (name.StartsWith("library/", StringComparison.Ordinal)) name = name["library/".Length..];
        return (name, tag ?? "latest");
    }

    private static string Qualified(string image)
    {
        var (repository, tag) = Split(image);
        var full = repository.Contains('.') && repository.Contains('/') ? repository : repository.Contains('/') ? $"docker.io/{repository}" : $"docker.io/library/{repository}";
        return tag!.StartsWith("sha256:", StringComparison.Ordinal) ? $"{full}@{tag}" : $"{full}:{tag}";
    }

    private static ImageCatalogue Load()
    {
        using var stream = typeof(ImageCatalogue).Assembly.GetManifestResourceStream("Tutor.Sandbox.images.json")
            ?? throw new InvalidOperationException("images.json is missing from the sandbox assembly");
        var root = JsonNode.Parse(stream)!["images"]!.AsObject();
        var images = new Dictionary<string, ImageProfile>();
        foreach (var (name, node) in root)
        {
            images[name] = new ImageProfile(
                Strings(node!["tags"]),
                node["shell"]?.GetValue<bool>() == true,
                (node["requiresEnv"] as JsonArray)?.Select(Strings).ToList() ?? [],
                Strings(node["requiresServices"]),
                (node["ports"] as JsonArray)?.Select(v => v!.GetValue<int>()).ToList() ?? [],
                node["paths"] is JsonArray ? Strings(node["paths"]) : null,
                node["client"] is JsonObject client
                    ? new ImageClient(Strings(client["commands"]), client["hostEnv"]!.GetValue<string>(), client["port"]!.GetValue<int>())
                    : null);
        }

        return new ImageCatalogue(images);
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(v => v!.GetValue<string>()).ToList() : [];
}
