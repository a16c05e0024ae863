using Tutor.Core.Catalogue;
using Tutor.Core.Checks;
using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>A small catalogue (two levels, four lessons) and a state on lesson 120, step 2 of 3.</summary>
internal static class SampleState
{
    public static readonly Catalogue Catalogue = new(
        "/lessons",
        [
            new Level(100, "Deploying apps", "Pods and Deployments"),
            new Level(200, "Shared clusters", "Namespaces and quotas"),
        ],
        [
            Lesson("101", 100, "Meet the cluster", 1),
            Lesson("110", 100, "Pods", 2),
            Lesson("120", 100, "Deployments", 3),
            Lesson("210", 200, "Quotas", 1),
        ]);

    public static IReadOnlyList<string> HintsOf(StepState step) =>
        Catalogue.Find(step.LessonId)!.Steps[step.Number - 1].Hints;

    public static TutorState OnDeployments() => new(
        Catalogue,
        new Dictionary<string, LessonProgress>
        {
            ["101"] = new(LessonMark.Done, 1),
            ["110"] = new(LessonMark.Done, 2),
            ["120"] = new(LessonMark.Current, 1),
            ["210"] = new(LessonMark.Locked, 0, "finish level 100 first"),
        },
        new StepState(
            "120",
            2,
            3,
            "Scale to three",
            "## Step 2 — Scale to three\n\nA Deployment keeps *desired state*: scale it to **three** replicas.\n",
            "manifests/120-deployments/step-2.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vote\nspec:\n  replicas: 3\n",
            Done: false,
            NextUnlocked: false),
        [
            new CheckResult("Deployment vote exists", CheckVerdict.Pass("found")),
            new CheckResult("3 replicas ready", CheckVerdict.Fail("expected status.readyReplicas >= 3, found 2", "vote-p4 is ContainerCreating (pulling image)")),
        ],
        new HintState([], 2),
        new ConnectionStatus("kind-tutor", "tutor-me", ConnectionState.Connected),
        new ProgressSummary(4, 7));

    private static Lesson Lesson(string id, int level, string title, int steps) => new(
        id,
        level,
        title,
        10,
        $"lessons/{id}.md",
        LessonRequirements.None,
        [],
        Enumerable.Range(1, steps)
            .Select(n => new LessonStep(n, $"Step {n}", $"Step {n}", $"manifests/{id}/step-{n}.yaml", $"manifests/{id}/step-{n}.solution.yaml", $"manifests/{id}/step-{n}.checks.yaml", [$"First hint of {id}/{n}", $"Second hint of {id}/{n}"]))
            .ToList());
}
