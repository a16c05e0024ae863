using System.CommandLine;
using System.Globalization;
using Tutor.Core.Catalogue;
using Tutor.Core.Classroom;
using Tutor.Core.Cluster;

namespace Tutor.Cli.Classroom;

/// <summary>
/// <c>tutor classroom provision</c>: a namespace, ServiceAccount, Role, RoleBinding, quota and kubeconfig per
/// learner. Plans first and applies only what is missing or differs, so running it again is safe and says so.
/// </summary>
public static class ProvisionCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var name = ClassroomOptions.Name();
        var count = new Option<int?>("--learners") { Description = "How many learners: learner-01, learner-02, …" };
        var file = new Option<string?>("--learners-file") { Description = "A file of learner names, one DNS label a line (# starts a comment)" };
        var output = ClassroomOptions.Out();
        var lifetime = new Option<string>("--token-lifetime") { Description = "How long the learners' tokens last, e.g. 12h, 90m, 2d", DefaultValueFactory = _ => "12h" };
        var refresh = new Option<bool>("--refresh-tokens") { Description = "Issue new tokens and rewrite every kubeconfig, even unexpired ones" };
        var command = new Command("provision", "Create or complete a classroom: a namespace, rights, quota and kubeconfig for each learner")
        {
            name, count, file, output, lifetime, refresh,
        };
        command.Validators.Add(result =>
        {
            var n = result.GetValue(count);
            if (n is null == result.GetValue(file) is null) result.AddError("give --learners N or --learners-file FILE, one of the two");
            if (n is < 1 or > 500) result.AddError("--learners must be between 1 and 500");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new VerbContext(io, global, parse);
            var classroom = parse.GetValue(name)!;
            if (ParseLifetime(parse.GetValue(lifetime)!) is not { } tokenLifetime)
            {
                io.Error.WriteLine("tutor: --token-lifetime must be a whole number with a unit, at least 10m: e.g. 12h, 90m, 2d");
                return ExitCodes.BadInput;
            }

            var learners = ReadLearners(classroom, parse.GetValue(count), parse.GetValue(file), io);
            if (learners is null) return ExitCodes.BadInput;
            var files = context.LoadCatalogue();
            if (files is null) return ExitCodes.BadInput;
            var outDirectory = ClassroomOptions.OutDirectory(io, classroom, parse.GetValue(output));

            var (session, target, exit) = await ClassroomConnection.ConnectAsync(context, cancellationToken);
            if (session is null) return exit;
            using (session)
            {
                try
                {
                    ReportFit(files, io);
                    var rules = await LessonKindsInUse.RulesAsync(session.Connection, files, cancellationToken);
                    var provisioner = new ClassroomProvisioner(session.Connection);
                    var observed = await provisioner.ObserveAsync(classroom, learners, outDirectory, cancellationToken);
                    var endpoint = ClusterEndpoint.From(target!.Configuration);
                    var plan = ProvisionPlanner.Plan(classroom, learners, rules, observed, endpoint.Server, parse.GetValue(refresh), DateTimeOffset.UtcNow);
                    if (!plan.Ok)
                    {
                        foreach (var error in plan.Errors) io.Error.WriteLine($"tutor: {error}");
                        io.Error.WriteLine("tutor: nothing was changed.");
                        return ExitCodes.BadInput;
                    }

                    io.Out.WriteLine($"Classroom {classroom} on {endpoint.Server}: {plan.Summary()}.");
                    if (plan.Pending.Count == 0) return ExitCodes.Ok;

                    var result = await provisioner.ApplyAsync(plan, endpoint, tokenLifetime, outDirectory, io.Out.WriteLine, cancellationToken);
                    if (!result.Ok)
                    {
                        io.Error.WriteLine($"tutor: stopped: {result.Error}");
                        if (result.Done.Count > 0) io.Error.WriteLine($"tutor: the {result.Done.Count} learners printed above are done.");
                        if (result.Partial.Count > 0) io.Error.WriteLine($"tutor: done for {result.NotDone[0]} before it stopped: {string.Join("; ", result.Partial)}.");
                        if (result.Done.Count + result.Partial.Count == 0) io.Error.WriteLine("tutor: nothing was changed.");
                        io.Error.WriteLine($"tutor: not done: {string.Join(", ", result.NotDone)}; run the same command again to finish.");
                        return result.Failure is ClusterFailure.Unreachable or ClusterFailure.Unauthorized ? ExitCodes.Unreachable : ExitCodes.BadInput;
                    }

                    io.Out.WriteLine($"Done: {plan.Pending.Count} learner{(plan.Pending.Count == 1 ? "" : "s")} provisioned. Hand each learner their own file from {outDirectory};");
                    io.Out.WriteLine("they run `export KUBECONFIG=/path/to/LEARNER.kubeconfig` and then `tutor`.");
                    return ExitCodes.Ok;
                }
                catch (LessonFileException e)
                {
                    foreach (var problem in e.Problems) io.Error.WriteLine(problem);
                    return ExitCodes.BadInput;
                }
                catch (ClusterException e)
                {
                    io.Error.WriteLine($"tutor: {e.Message}");
                    io.Error.WriteLine("tutor: nothing was changed.");
                    return ClassroomConnection.ExitFor(e);
                }
            }
        });
        return command;
    }

    /// <summary>A lifetime such as 12h, 90m or 2d; the TokenRequest API refuses less than ten minutes.</summary>
    public static TimeSpan? ParseLifetime(string text)
    {
        text = text.Trim();
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        TimeSpan? span = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
        return span >= TimeSpan.FromMinutes(10) ? span : null;
    }

    private static IReadOnlyList<string>? ReadLearners(string classroom, int? count, string? file, CliIo io)
    {
        if (count is { } n)
        {
            var numbered = LearnerRoster.Numbered(n);
            if (numbered.Select(l => LearnerRoster.LearnerProblem(classroom, l)).FirstOrDefault(p => p is not null) is { } problem)
            {
                io.Error.WriteLine($"tutor: {problem}; choose a shorter classroom name");
                return null;
            }

            return numbered;
        }

        var path = Path.GetFullPath(file!, io.WorkingDirectory);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error.WriteLine($"{file}: cannot read the learners file: {e.Message}");
            return null;
        }

        var roster = LearnerRoster.Parse(text, file!, classroom);
        foreach (var error in roster.Errors) io.Error.WriteLine(error);
        return roster.Ok ? roster.Learners : null;
    }

    /// <summary>Says how the largest lesson compares with a learner's quota, and warns about any lesson that would not fit.</summary>
    private static void ReportFit(LessonFiles files, CliIo io)
    {
        var footprints = files.Catalogue.Lessons.Where(ClassroomLessons.IsAvailable)
            .Select(l => (Lesson: l, Footprint: LessonFootprint.Of(ClassroomLessons.Objects(files, l))))
            .ToList();
        foreach (var (lesson, footprint) in footprints)
        {
            foreach (var overrun in ClassroomQuota.Overruns(footprint)) io.Error.WriteLine($"tutor: warning: lesson {lesson.Id} will not fit a learner's quota: {overrun}");
        }

        if (footprints.MaxBy(f => f.Footprint.Pods) is { Lesson: { } largest, Footprint: { } most })
        {
            io.Out.WriteLine($"Each learner may run {ClassroomQuota.Pods} Pods; the largest lesson, {largest.Id} ({largest.Title}), needs up to {most.Pods} during a rolling update.");
        }

        var unavailable = files.Catalogue.Lessons.Where(l => !ClassroomLessons.IsAvailable(l)).Select(l => l.Id).ToList();
        if (unavailable.Count > 0) io.Out.WriteLine($"Not available in a classroom (they need cluster-wide rights): {string.Join(", ", unavailable)}.");
    }
}
