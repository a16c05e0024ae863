using k8s;
using k8s.Models;
using Tutor.Core.Checks;

namespace Tutor.Core.Cluster;

/// <summary>
/// Asks the API server's authorizer the questions of <c>canI</c> checks, one <c>authorization.k8s.io/v1</c>
/// SubjectAccessReview each (all at once). The answer is the cluster's own: its RBAC, and any other authorizer it runs.
/// </summary>
public static class AccessReviewer
{
    /// <summary>
    /// Answers every question. A refusal to answer (403: the learner may not create SubjectAccessReviews) becomes an
    /// answer carrying the error; an unreachable cluster is thrown as a <see cref="ClusterException"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<AccessQuestion, AccessAnswer>> AskAsync(ClusterConnection connection, IEnumerable<AccessQuestion> questions,
        string learnerNamespace, CancellationToken cancellationToken)
    {
        var distinct = questions.Distinct().ToList();
        var answers = await Task.WhenAll(distinct.Select(async question =>
        {
            var review = Review(question, learnerNamespace);
            try
            {
                var answered = await connection.Client.AuthorizationV1.CreateSubjectAccessReviewAsync(review, cancellationToken: cancellationToken).ConfigureAwait(false);
                var status = answered.Status;
                var reason = status?.Reason ?? "";
                return status?.EvaluationError is { Length: > 0 } evaluation && status.Allowed != true
                    ? new AccessAnswer(false, reason.Length > 0 ? $"{reason}; {evaluation}" : evaluation)
                    : new AccessAnswer(status?.Allowed == true, reason);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var failure = ClusterErrors.From(e, connection.Server, "create subjectaccessreviews (ask the authorizer)");
                if (failure.Failure == ClusterFailure.Unreachable) throw failure;
                return AccessAnswer.Failed(failure.Message);
            }
        })).ConfigureAwait(false);
        return distinct.Zip(answers).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>The review that asks <paramref name="question"/> for a learner of <paramref name="learnerNamespace"/>.</summary>
    public static V1SubjectAccessReview Review(AccessQuestion question, string learnerNamespace) => new()
    {
        ApiVersion = "authorization.k8s.io/v1",
        Kind = "SubjectAccessReview",
        Spec = new V1SubjectAccessReviewSpec
        {
            User = question.Subject.UserName(learnerNamespace),
            Groups = question.Subject.Groups(learnerNamespace).ToList(),
            ResourceAttributes = new V1ResourceAttributes
            {
                Verb = question.Verb,
                Group = question.Group,
                Resource = question.Resource,
                Subresource = question.Subresource,
                Name = question.Name,
                NamespaceProperty = question.NamespaceIn(learnerNamespace),
            },
        },
    };
}
