using Tutor.Core.Progress;

namespace Tutor.Core.Tests.Progress;

public sealed class ProgressStoreTests : IDisposable
{
    private static readonly DateTimeOffset T = new(2025, 3, 1, 10, 30, 0, TimeSpan.FromHours(1));
    private readonly TempDirectory _dir = new();
    private readonly ProgressStore _store;

    public ProgressStoreTests() => _store = new ProgressStore(_dir.Path, new FixedClock(new DateTimeOffset(2025, 3, 2, 8, 0, 0, TimeSpan.Zero)));

    public void Dispose() => _dir.Dispose();

    private static LearnerProgress Sample() =>
        LearnerProgress.Empty.MarkPassed("101", 1, T).MarkPassed("101", 2, T).MarkPassed("110", 1, T).MoveTo("110", 2, T);

    [Fact]
    public void A_context_without_a_file_starts_fresh_without_warning()
    {
        var loaded = _store.Load("kind-tutor");
        loaded.Progress.Should().Be(LearnerProgress.Empty);
        loaded.Warning.Should().BeNull();
    }

    [Fact]
    public void Progress_round_trips()
    {
        _store.Save("kind-tutor", Sample());
        var loaded = _store.Load("kind-tutor");
        loaded.Warning.Should().BeNull();
        loaded.Progress.Should().Be(Sample());
        loaded.Progress.UpdatedAt.Offset.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Each_context_has_its_own_file()
    {
        _store.Save("kind-tutor", Sample());
        _store.Load("minikube").Progress.Should().Be(LearnerProgress.Empty);
        _store.PathFor("Kind-Tutor").Should().NotBe(_store.PathFor("kind-tutor"));
    }

    [Theory]
    [InlineData("arn:aws:eks:eu-west-1:123456789012:cluster/prod")]
    [InlineData("../../etc/passwd")]
    [InlineData(".hidden")]
    [InlineData("gke_project_zone_name")]
    public void Context_names_become_safe_file_names(string context)
    {
        var path = _store.PathFor(context);
        Path.GetDirectoryName(path).Should().Be(_dir.Path);
        Path.GetFileName(path).Should().MatchRegex(@"^progress-[a-z0-9_][a-z0-9._-]*-[0-9a-f]{10}\.json$");
        _store.Save(context, Sample());
        _store.Load(context).Progress.Should().Be(Sample());
    }

    [Fact]
    public void Saving_leaves_no_temporary_file()
    {
        _store.Save("kind-tutor", Sample());
        _dir.Files().Should().ContainSingle().Which.Should().EndWith(".json");
    }

    [Fact]
    public void A_crash_before_the_rename_never_replaces_the_good_file()
    {
        _store.Save("kind-tutor", Sample());
        var target = _store.PathFor("kind-tutor");
        // What a crash leaves behind: a complete temp file never renamed, and one cut off mid-write.
        File.WriteAllText(Path.Combine(_dir.Path, $".{Path.GetFileName(target)}.0001.tmp"), ProgressStore.Serialize("kind-tutor", LearnerProgress.Empty));
        File.WriteAllText(Path.Combine(_dir.Path, $".{Path.GetFileName(target)}.0002.tmp"), "{ \"version\": 1, \"passed\": { \"101\": [1,");

        var loaded = _store.Load("kind-tutor");
        loaded.Warning.Should().BeNull();
        loaded.Progress.Should().Be(Sample());

        var next = Sample().MarkPassed("110", 2, T);
        _store.Save("kind-tutor", next);
        _store.Load("kind-tutor").Progress.Should().Be(next);
    }

    [Fact]
    public void A_write_that_fails_midway_keeps_the_old_file_and_cleans_up()
    {
        _store.Save("kind-tutor", Sample());
        var target = _store.PathFor("kind-tutor");
        var before = File.ReadAllText(target);

        var act = () => AtomicFile.Write(target, stream =>
        {
            stream.Write("{ \"version\": 1, \"pass"u8);
            throw new IOException("disk full");
        });

        act.Should().Throw<IOException>().WithMessage("disk full");
        File.ReadAllText(target).Should().Be(before);
        _dir.Files().Should().Equal(Path.GetFileName(target));
    }

    [Fact]
    public void A_corrupt_file_is_kept_aside_and_tutor_starts_fresh()
    {
        var target = _store.PathFor("kind-tutor");
        File.WriteAllText(target, "{\n  \"version\": 1,\n  \"passed\": { \"101\": [1, }\n}\n");

        var loaded = _store.Load("kind-tutor");

        loaded.Progress.Should().Be(LearnerProgress.Empty);
        var aside = target + ".corrupt-20250302T080000Z";
        File.Exists(aside).Should().BeTrue();
        File.Exists(target).Should().BeFalse();
        loaded.Warning.Should().StartWith($"progress file {target} could not be read (line 3: ")
            .And.Contain($"it was kept as {aside}")
            .And.EndWith("starts with fresh progress");
    }

    [Theory]
    [InlineData("[]", "it is not a JSON object")]
    [InlineData("{ \"passed\": {} }", "it has no version")]
    [InlineData("{ \"version\": 7 }", "format version 7")]
    [InlineData("{ \"version\": 1, \"passed\": { \"101\": [\"one\"] } }", "passed.101 holds \"one\", not a step number")]
    [InlineData("{ \"version\": 1, \"passed\": { \"101\": 1 } }", "passed.101 is not a list of step numbers")]
    [InlineData("{ \"version\": 1, \"currentStep\": -1 }", "currentStep is not a step number")]
    [InlineData("{ \"version\": 1, \"updatedAt\": \"yesterday\" }", "updatedAt is not a time")]
    [InlineData("", "line 1")]
    public void Files_of_the_wrong_shape_are_treated_as_corrupt(string content, string problem)
    {
        File.WriteAllText(_store.PathFor("kind-tutor"), content);
        var loaded = _store.Load("kind-tutor");
        loaded.Progress.Should().Be(LearnerProgress.Empty);
        loaded.Warning.Should().Contain(problem);
    }

    [Fact]
    public void Two_corrupt_files_in_the_same_second_are_both_kept()
    {
        var target = _store.PathFor("kind-tutor");
        File.WriteAllText(target, "first");
        _store.Load("kind-tutor");
        File.WriteAllText(target, "second");
        _store.Load("kind-tutor");
        _dir.Files().Should().HaveCount(2).And.OnlyContain(f => f.Contains(".corrupt-"));
    }

    [Fact]
    public void The_state_directory_follows_xdg()
    {
        StateDirectory.Resolve(v => v == "XDG_STATE_HOME" ? "/xdg/state" : null, "/home/me").Should().Be(Path.Combine("/xdg/state", "tutor"));
        StateDirectory.Resolve(_ => null, "/home/me").Should().Be(Path.Combine("/home/me", ".local", "state", "tutor"));
        StateDirectory.Resolve(v => v == "XDG_STATE_HOME" ? "relative/path" : null, "/home/me").Should().Be(Path.Combine("/home/me", ".local", "state", "tutor"));
    }

    [Fact]
    public void The_store_creates_its_directory_on_first_save()
    {
        var nested = Path.Combine(_dir.Path, "state", "tutor");
        var store = new ProgressStore(nested);
        store.Save("kind-tutor", Sample());
        store.Load("kind-tutor").Progress.Should().Be(Sample());
    }
}
