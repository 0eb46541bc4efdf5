namespace PrivacyHoldout140.Support.SchoolStudy;

// The shapes of a university's schools research portal: parents' consent, pupils' assent, questionnaire sessions.

/// <summary>A parent's consent for a pupil. Prints the pupil's UPN, the parent's name and email, the answer and the information sheet version.</summary>
public sealed record ParentalConsent(string PupilUpn, string ParentName, string ParentEmail, bool OptIn, string SheetVersion);

/// <summary>A pupil's own assent, taken in class. Prints the UPN, the answer and the researcher's staff id.</summary>
public sealed record PupilAssent(string PupilUpn, bool Assented, string ResearcherStaffId);

/// <summary>A questionnaire session in a school. Prints the session id, the school's URN, the year group, the wave and the date.</summary>
public sealed record QuestionnaireSession(string SessionId, string SchoolUrn, string YearGroup, int Wave, DateOnly On);

/// <summary>A pupil's answers. Prints the response id, the UPN, the wave and the scores (a dictionary, printed as its type's name).</summary>
public sealed record QuestionnaireResponse(string ResponseId, string PupilUpn, int Wave, IReadOnlyDictionary<string, int> Scores);

public interface IResearchPortal
{
    Task<ParentalConsent?> GetConsentAsync(string pupilUpn, CancellationToken cancellationToken = default);

    Task SaveAsync(QuestionnaireResponse response, CancellationToken cancellationToken = default);

    Task EmailParentAsync(string parentEmail, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>The parent withdrew the pupil; the message quotes the UPN.</summary>
public sealed class ConsentWithdrawnException(string pupilUpn) : Exception($"Consent withdrawn for pupil {pupilUpn}");

/// <summary>The school is not recruited to this wave; the message quotes the URN and the wave.</summary>
public sealed class SchoolNotRecruitedException(string schoolUrn, int wave) : Exception($"School {schoolUrn} is not in wave {wave}");
