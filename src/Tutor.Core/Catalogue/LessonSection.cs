namespace Tutor.Core.Catalogue;

/// <summary>
/// A level-2 section of a lesson's text. <see cref="Markdown"/> is the exact source slice, from
/// the heading up to the next level-2 heading, so a Markdown view renders it as written.
/// </summary>
public sealed record LessonSection(string Heading, string Markdown, int Line, IReadOnlyList<LessonCommand> Commands);
