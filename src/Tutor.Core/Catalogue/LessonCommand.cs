namespace Tutor.Core.Catalogue;

/// <summary>
/// A shell command a lesson shows in a fenced block (sh, bash, shell or console), ready to run.
/// For console blocks only the prompted lines (<c>$ …</c>) are kept, without the prompt.
/// </summary>
public sealed record LessonCommand(string Text, string Language, int Line);
