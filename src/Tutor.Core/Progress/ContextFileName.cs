using System.Security.Cryptography;
using System.Text;

namespace Tutor.Core.Progress;

/// <summary>
/// A file name for a kube context name, which may hold '/', ':' and other characters
/// (<c>arn:aws:eks:…:cluster/prod</c>). Readable part plus a hash of the exact name, so two
/// contexts never share a file, even on case-insensitive file systems.
/// </summary>
public static class ContextFileName
{
    private const int MaxReadable = 60;

    public static string For(string context)
    {
        var readable = new StringBuilder();
        foreach (var c in context)
            readable.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? char.ToLowerInvariant(c) : '_');
        var text = readable.ToString().TrimStart('.');
        if (text.Length > MaxReadable)
            text = text[..MaxReadable];
        if (text.Length == 0)
            text = "context";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context)))[..10];
        return $"{text}-{hash}";
    }
}
