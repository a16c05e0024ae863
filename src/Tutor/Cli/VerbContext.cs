using System.CommandLine;
using Tutor.Core.Catalogue;
using Tutor.Core.Progress;
using Tutor.Engine;

namespace Tutor.Cli;

/// <summary>What every verb starts from: the catalogue, and for most of them a connected cluster and the learner's progress.</summary>
public sealed class VerbContext(CliIo io, GlobalOptions global, ParseResult parse)
{
    public CliIo Io => io;

    public ParseResult Parse => parse;

    public LessonFiles? LoadCatalogue() => CatalogueSource.Load(parse.GetValue(global.Lessons), io);

    public ClusterConnector Connector() => new(io, global.KubeconfigOptions(parse), parse.GetValue(global.Yes));

    public ProgressStore Progress() => new(StateDirectory.Resolve(io.Environment, io.Home));

    /// <summary>Loads the catalogue, finds the lesson and connects, then runs <paramref name="verb"/>; any failure becomes the exit status.</summary>
    public async Task<int> WithLessonAsync(string id, Func<LessonFiles, Lesson, ClusterSession, Task<int>> verb, CancellationToken cancellationToken)
    {
        var files = LoadCatalogue();
        if (files is null) return ExitCodes.BadInput;
        var lesson = CatalogueSource.Find(files, id, io);
        if (lesson is null) return ExitCodes.BadInput;
        var choice = await Connector().ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (choice.Session is null) return choice.ExitCode;
        using var session = choice.Session;
        try
        {
            return await verb(files, lesson, session).ConfigureAwait(false);
        }
        catch (LessonFileException e)
        {
            foreach (var problem in e.Problems) io.Error.WriteLine(problem);
            return ExitCodes.BadInput;
        }
        catch (Core.Cluster.ClusterException e)
        {
            io.Error.WriteLine($"tutor: {e.Message}");
            return e.IsConnectionProblem ? ExitCodes.Unreachable : ExitCodes.BadInput;
        }
    }

    /// <summary>The learner's progress on this session's context; a warning (corrupt file set aside) is printed.</summary>
    public LearnerProgress LoadProgress(string context)
    {
        var loaded = Progress().Load(context);
        if (loaded.Warning is not null) io.Error.WriteLine($"tutor: {loaded.Warning}");
        return loaded.Progress;
    }
}
