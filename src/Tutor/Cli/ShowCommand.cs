using System.CommandLine;

namespace Tutor.Cli;

/// <summary><c>tutor show ID</c>: a lesson's text, then its steps with their files and checks.</summary>
public static class ShowCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var id = new Argument<string>("ID") { Description = "The lesson, e.g. 120" };
        var command = new Command("show", "Print a lesson: its text, steps, manifests and checks") { id };
        command.SetAction(parse =>
        {
            var files = new VerbContext(io, global, parse).LoadCatalogue();
            if (files is null) return ExitCodes.BadInput;
            var lesson = CatalogueSource.Find(files, parse.GetValue(id)!, io);
            if (lesson is null) return ExitCodes.BadInput;
            try
            {
                io.Out.WriteLine(files.Text(lesson).Source.TrimEnd());
                io.Out.WriteLine();
                io.Out.WriteLine($"Lesson {lesson.Id} · {lesson.Title} · level {lesson.Level} · about {lesson.Minutes} min");
                if (lesson.Requires.ClusterWide) io.Out.WriteLine("  needs cluster-wide rights");
                if (lesson.Requires.Addons.Count > 0) io.Out.WriteLine($"  needs: {string.Join(", ", lesson.Requires.Addons)}");
                if (lesson.Requires.OptionalAddons.Count > 0) io.Out.WriteLine($"  optional: {string.Join(", ", lesson.Requires.OptionalAddons)}");
                foreach (var path in lesson.Setup) io.Out.WriteLine($"  setup     {path}");
                foreach (var step in lesson.Steps)
                {
                    io.Out.WriteLine($"Step {step.Number} · {step.Title}");
                    if (step.Manifest is not null) io.Out.WriteLine($"  manifest  {step.Manifest}");
                    if (step.Solution is not null) io.Out.WriteLine($"  solution  {step.Solution}");
                    io.Out.WriteLine($"  checks    {step.Checks}");
                    foreach (var check in files.Checks(step)) io.Out.WriteLine($"    - {check.Title}");
                }

                return ExitCodes.Ok;
            }
            catch (Core.Catalogue.LessonFileException e)
            {
                foreach (var problem in e.Problems) io.Error.WriteLine(problem);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
