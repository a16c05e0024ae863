namespace Tutor.Core.Catalogue;

/// <summary>The whole lesson catalogue as loaded from lessons.json; paths are resolved against <see cref="Root"/>.</summary>
public sealed record Catalogue(string Root, IReadOnlyList<Level> Levels, IReadOnlyList<Lesson> Lessons)
{
    public Lesson? Find(string id) => Lessons.FirstOrDefault(l => l.Id == id);

    /// <summary>
    /// Lessons this learner cannot take where they are, with the reason (in a classroom: those needing cluster-wide
    /// rights). They stay listed but never unlock, and the lessons after them unlock as if they were not there.
    /// </summary>
    public IReadOnlyDictionary<string, string> Unavailable { get; init; } = new Dictionary<string, string>();

    public bool IsAvailable(string id) => !Unavailable.ContainsKey(id);

    public IEnumerable<Lesson> LessonsOf(Level level) => Lessons.Where(l => l.Level == level.Id);

    /// <summary>Absolute path of a file named relative to the catalogue root.</summary>
    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));
}
