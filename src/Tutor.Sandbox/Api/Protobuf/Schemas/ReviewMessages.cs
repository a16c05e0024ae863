using static Tutor.Sandbox.Api.Protobuf.ProtoFields;

namespace Tutor.Sandbox.Api.Protobuf.Schemas;

/// <summary>
/// The reviews and TokenRequest that <c>auth can-i</c>, <c>auth whoami</c> and <c>create token</c> send; only
/// what the review handler reads (a review's extra attributes are skipped).
/// </summary>
public static class ReviewMessages
{
    private static FieldSchema Metadata => Message(1, "metadata", MetaMessages.ObjectMeta);

    public static readonly MessageSchema ResourceAttributes = new("ResourceAttributes",
        Text(1, "namespace"), Text(2, "verb"), Text(3, "group"), Text(4, "version"), Text(5, "resource"), Text(6, "subresource"), Text(7, "name"));

    public static readonly MessageSchema NonResourceAttributes = new("NonResourceAttributes", Text(1, "path"), Text(2, "verb"));

    public static readonly MessageSchema SubjectAccessReviewSpec = new("SubjectAccessReviewSpec",
        Message(1, "resourceAttributes", ResourceAttributes), Message(2, "nonResourceAttributes", NonResourceAttributes),
        Text(3, "user"), Texts(4, "groups"), Text(6, "uid"));

    public static readonly MessageSchema SubjectAccessReview = new("SubjectAccessReview", Metadata, Message(2, "spec", SubjectAccessReviewSpec));

    public static readonly MessageSchema LocalSubjectAccessReview = new("LocalSubjectAccessReview", Metadata, Message(2, "spec", SubjectAccessReviewSpec));

    public static readonly MessageSchema SelfSubjectAccessReview = new("SelfSubjectAccessReview", Metadata,
        Message(2, "spec", new MessageSchema("SelfSubjectAccessReviewSpec",
            Message(1, "resourceAttributes", ResourceAttributes), Message(2, "nonResourceAttributes", NonResourceAttributes))));

    public static readonly MessageSchema SelfSubjectRulesReview = new("SelfSubjectRulesReview", Metadata,
        Message(2, "spec", new MessageSchema("SelfSubjectRulesReviewSpec", Text(1, "namespace"))));

    public static readonly MessageSchema SelfSubjectReview = new("SelfSubjectReview", Metadata);

    public static readonly MessageSchema TokenRequest = new("TokenRequest", Metadata, Message(2, "spec", new MessageSchema("TokenRequestSpec",
        Texts(1, "audiences"),
        Message(3, "boundObjectRef", new MessageSchema("BoundObjectReference", Text(1, "kind"), Text(2, "apiVersion"), Text(3, "name"), Text(4, "uid"))),
        Int64(4, "expirationSeconds").KeepZero())));
}
