using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Api;

/// <summary>
/// The create-only kinds that are answered, never stored: access and rules reviews, the identity review, and
/// (as the serviceaccounts/token subresource) TokenRequest.
/// </summary>
public static class ReviewResources
{
    public static readonly ResourceType SelfSubjectAccessReview = new("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false);
    public static readonly ResourceType SubjectAccessReview = new("authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", false);
    public static readonly ResourceType LocalSubjectAccessReview = new("authorization.k8s.io", "v1", "LocalSubjectAccessReview", "localsubjectaccessreviews", true);
    public static readonly ResourceType SelfSubjectRulesReview = new("authorization.k8s.io", "v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews", false);
    public static readonly ResourceType SelfSubjectReview = new("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews", false);

    public static readonly IReadOnlyList<ResourceType> All =
        [SelfSubjectAccessReview, SubjectAccessReview, LocalSubjectAccessReview, SelfSubjectRulesReview, SelfSubjectReview];

    public static bool Contains(ResourceType type) => All.Contains(type);

    public static ResourceType? Find(string group, string plural) => All.FirstOrDefault(t => t.Group == group && t.Plural == plural);
}
