namespace Tutor.Core.Checks;

public enum AccessSubjectKind
{
    ServiceAccount,
    User,
}
