using Tutor.Core.Classroom;
using Tutor.Tests.Engine;

namespace Tutor.Tests.Classroom;

/// <summary>The shipped lessons as a classroom runs them: each fits a learner's quota, and the learner's Role covers what they write.</summary>
public class ShippedClassroomTests
{
    [Fact]
    public void Every_lesson_available_in_a_classroom_fits_a_learners_quota_including_the_voting_app_and_autoscaling()
    {
        var files = ShippedCatalogue.Files();
        var footprints = files.Catalogue.Lessons.Where(ClassroomLessons.IsAvailable).ToDictionary(l => l.Id, l => LessonFootprint.Of(ClassroomLessons.Objects(files, l)));

        foreach (var (id, footprint) in footprints) ClassroomQuota.Overruns(footprint).Should().BeEmpty($"lesson {id} needs {footprint}");
        footprints["160"].Pods.Should().BeGreaterThanOrEqualTo(3 + 1, "the voting app runs three vote replicas and a rolling update adds one");
        footprints["450"].Pods.Should().BeGreaterThanOrEqualTo(10, "the autoscaler may grow vote to its maximum");
        footprints.Should().NotContainKey("101", "lesson 101 creates a namespace, which a learner may not");
    }

    [Fact]
    public void The_kinds_a_learner_may_write_are_those_the_lessons_manifests_create()
    {
        var files = ShippedCatalogue.Files();

        var written = LessonKindsInUse.Written(files).Select(k => k.Kind).ToList();
        var read = LessonKindsInUse.Read(files).Select(k => k.Kind).ToList();

        written.Should().Contain(["Deployment", "Service", "ConfigMap", "Secret", "Pod", "StatefulSet", "HorizontalPodAutoscaler", "Job"]);
        written.Should().Contain(["Role", "RoleBinding", "ServiceAccount"], "lesson 350's reconciler is granted rights in the learner's namespace");
        written.Should().NotContain(["Namespace", "ClusterRole", "ClusterRoleBinding", "ResourceQuota", "LimitRange"]);
        read.Should().Contain(["Role", "RoleBinding", "ServiceAccount", "Event"], "reset lists them and checks read events");
        read.Should().NotContain("Node");
    }
}
