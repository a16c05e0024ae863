using Tutor.Core.Classroom;
using Tutor.Core.Cluster;
using Tutor.Engine;

namespace Tutor.Cli.Classroom;

/// <summary>The instructor's cluster for a classroom verb, and the classroom's learners found on it.</summary>
internal static class ClassroomConnection
{
    /// <summary>Connects as every verb does; null (the reason printed, the exit status in <paramref name="exit"/>) when it cannot.</summary>
    public static async Task<(ClusterSession? Session, ClusterTarget? Target, int Exit)> ConnectAsync(VerbContext context, CancellationToken cancellationToken)
    {
        var connector = context.Connector();
        var choice = await connector.ConnectAsync(cancellationToken);
        return choice.Session is null ? (null, null, choice.ExitCode) : (choice.Session, connector.Resolve().Target, ExitCodes.Ok);
    }

    /// <summary>The learners of <paramref name="classroom"/>, or null with a message when it has none here.</summary>
    public static async Task<IReadOnlyList<RoomLearner>?> LearnersAsync(ClusterSession session, string classroom, CliIo io, CancellationToken cancellationToken)
    {
        var learners = await ClassroomNamespaces.LearnersAsync(session.Connection, classroom, cancellationToken);
        if (learners.Count > 0) return learners;
        io.Error.WriteLine($"tutor: classroom {classroom} has no learners on {session.Server}; create them with `tutor classroom provision --name {classroom} --learners N`");
        return null;
    }

    public static int ExitFor(ClusterException e) => e.IsConnectionProblem ? ExitCodes.Unreachable : ExitCodes.BadInput;
}
