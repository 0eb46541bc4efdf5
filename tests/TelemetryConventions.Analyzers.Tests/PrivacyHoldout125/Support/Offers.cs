namespace HireKit.Offers;

// Offers sent for e-signature, in the shape of DocuSign's eSignature API (envelopes, recipients,
// embedded signing URLs), and the onboarding of new starters into the HR system.

public sealed record Offer(string OfferId, long ApplicationId, string JobTitle, string Grade, decimal Salary, DateOnly StartDate, DateTimeOffset ExpiresAt);

public sealed record EnvelopeRecipient(string Name, string Email, string RoleName, int RoutingOrder);

public sealed record Envelope(string EnvelopeId, string Status, string TemplateId, IReadOnlyList<EnvelopeRecipient> Recipients);

/// <summary>The embedded signing view: a short-lived URL that signs in as the recipient.</summary>
public sealed record RecipientView(string Url, DateTimeOffset ExpiresAt);

public interface IESignatureClient
{
    Task<Envelope> CreateEnvelopeAsync(string templateId, IReadOnlyList<EnvelopeRecipient> recipients, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken);

    Task<RecipientView> CreateRecipientViewAsync(string envelopeId, EnvelopeRecipient recipient, string returnUrl, CancellationToken cancellationToken);
}

/// <summary>DocuSign's error: an error code and its fixed message.</summary>
public sealed class ESignatureApiException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}

/// <summary>A new starter as the HR system creates them from an accepted offer.</summary>
public sealed record NewStarter(string EmployeeNumber, string PreferredName, string WorkEmail, DateOnly StartDate, string Department, string ManagerStaffNumber);

/// <summary>One task of an onboarding checklist.</summary>
public sealed record OnboardingTask(string TaskId, string Name, string Owner, DateOnly Due, bool Done);

public interface IHrSystem
{
    Task<NewStarter> CreateStarterAsync(Offer offer, Candidate candidate, CancellationToken cancellationToken);

    Task<IReadOnlyList<OnboardingTask>> CreateChecklistAsync(string employeeNumber, string template, CancellationToken cancellationToken);
}

/// <summary>The HR system refused a starter: the message quotes the clashing work email.</summary>
public sealed class StarterConflictException(string workEmail)
    : Exception($"A user with the email {workEmail} already exists")
{
    public string Code { get; } = "USER_EXISTS";
}
