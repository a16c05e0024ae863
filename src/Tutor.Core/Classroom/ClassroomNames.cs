namespace Tutor.Core.Classroom;

/// <summary>
/// The names a classroom is made of on the cluster. The instructor's verbs and every learner's Tutor agree on
/// these and on nothing else: the room's whole state lives in labelled namespaces and two ConfigMaps per learner,
/// so the dashboard reads the room from the cluster itself, with no server of Tutor's own.
/// </summary>
public static class ClassroomNames
{
    /// <summary>Label on everything a classroom provisions; its value is the classroom's name.</summary>
    public const string ClassroomLabel = "tutor.dev/classroom";

    /// <summary>Label on a learner's namespace (and on what provision creates in it); its value is the learner's name.</summary>
    public const string LearnerLabel = Cluster.TutorLabels.Learner;

    /// <summary>
    /// ConfigMap in each learner's namespace, written by the instructor: the classroom's name and its pace.
    /// A learner's Tutor reads it at start and watches it; its presence is what makes Tutor a classroom learner.
    /// Keys: <see cref="ClassroomKey"/>, <see cref="UnlockToKey"/> (absent or empty: no limit).
    /// </summary>
    public const string ClassroomConfigMap = "tutor-classroom";

    public const string ClassroomKey = "classroom";
    public const string UnlockToKey = "unlockTo";

    /// <summary>
    /// ConfigMap in each learner's namespace, written by the learner's Tutor whenever their position, passed steps
    /// or failing check changes. Key <see cref="ProgressKey"/> holds <see cref="ClassroomProgressRecord"/> as JSON.
    /// </summary>
    public const string ProgressConfigMap = "tutor-progress";

    public const string ProgressKey = "progress.json";

    /// <summary>The ServiceAccount, Role, RoleBinding, ResourceQuota and LimitRange in a learner's namespace share this name.</summary>
    public const string LearnerObjectName = "tutor-learner";

    /// <summary>A learner's namespace: <c>{classroom}-{learner}</c>, both already DNS labels.</summary>
    public static string LearnerNamespace(string classroom, string learner) => $"{classroom}-{learner}";
}
