namespace HighStreet.Media;

// A broadcaster's health desk: the ask-the-pharmacist column, a dental makeover series and health advert checks.

/// <summary>A reader's question. Prints question id, the reader's account, name, email, the question's text and topic.</summary>
public sealed record ReaderQuestion(string QuestionId, string ReaderAccount, string ReaderName, string Email, string Text, string Topic);

/// <summary>A published answer. Prints answer id, topic and word count.</summary>
public sealed record PublishedAnswer(string AnswerId, string Topic, int Words);

/// <summary>An application to the makeover series. Prints application id, applicant's name, phone, email, story, age and region.</summary>
public sealed record MakeoverApplication(string ApplicationId, string ApplicantName, string Phone, string Email, string Story, int Age, string Region);

/// <summary>A viewer's complaint about an advert. Prints complaint id, the viewer's name and email, the advert and the text.</summary>
public sealed record AdvertComplaint(string ComplaintId, string ViewerName, string ViewerEmail, string AdvertId, string Text);

/// <summary>An advert's clearance. Prints advert id, product, claim code and verdict.</summary>
public sealed record AdvertClearance(string AdvertId, string Product, string ClaimCode, string Verdict);

/// <summary>The editorial desk's inbox and the casting team's tracker: not telemetry.</summary>
public interface IEditorialDesk
{
    Task<string> FileAsync(ReaderQuestion question, CancellationToken cancellationToken = default);

    Task<string> ShortlistAsync(MakeoverApplication application, CancellationToken cancellationToken = default);
}

/// <summary>The reader is blocked; quotes their email.</summary>
public sealed class ReaderBlockedException(string email) : Exception($"Reader {email} is blocked from submitting");

/// <summary>An applicant applied twice; quotes their email.</summary>
public sealed class DuplicateApplicantException(string email) : Exception($"An application from {email} already exists");

/// <summary>The applicant is under age; quotes the application.</summary>
public sealed class ApplicantUnderageException(string applicationId) : Exception($"Application {applicationId} is from an applicant under 18");

/// <summary>An advert's claim is not substantiated; quotes advert and claim code.</summary>
public sealed class ClaimNotSubstantiatedException(string advertId, string claimCode) : Exception($"Advert {advertId}: claim {claimCode} is not substantiated");
