namespace Bereavement.Records;

/// <summary>The deceased as the case store holds them: case person id, full name, date of birth, date of death, last address.</summary>
public sealed record Deceased(string DeceasedId, string FullName, DateOnly DateOfBirth, DateOnly DateOfDeath, string LastAddress);

/// <summary>A next of kin: kin record id, full name, relationship, phone, email.</summary>
public sealed record NextOfKin(string KinId, string FullName, string Relationship, string Phone, string Email);

/// <summary>An executor or administrator of an estate: executor record id, full name, role, email, phone.</summary>
public sealed record Executor(string ExecutorId, string FullName, string Role, string Email, string Phone);

/// <summary>A death registration as the register office returns it: Tell Us Once reference, certificate number, the deceased's name, district, date registered.</summary>
public sealed record DeathRegistration(string TellUsOnceReference, string CertificateNumber, string DeceasedName, string District, DateOnly RegisteredOn);

/// <summary>An order for certified copies of a death certificate: order id, district, copies, fee; names no one.</summary>
public sealed record CertificateOrder(string OrderId, string District, int Copies, decimal Fee);

/// <summary>An estate case as the administration team summarises it: case id, stage, assets counted, estimated value; names no one.</summary>
public sealed record EstateCaseSummary(string CaseId, string Stage, int AssetsCount, decimal EstimatedValue);

/// <summary>A memorial donation: donation id, donor's name, donor's email, the name it is given in memory of, amount, charity.</summary>
public sealed record MemorialDonation(string DonationId, string DonorName, string DonorEmail, string InMemoryOf, decimal Amount, string Charity);

/// <summary>A memorial fund's running total: fund id, charity, donations, total; names no one.</summary>
public sealed record DonationTotal(string FundId, string Charity, int Donations, decimal Total);

/// <summary>A condolence message left in an online book: message id, author's name, author's email, text, book id.</summary>
public sealed record CondolenceMessage(string MessageId, string AuthorName, string AuthorEmail, string Text, string BookId);

/// <summary>A condolence's moderation receipt: message id, book id, word count, whether approved; names no one.</summary>
public sealed record CondolenceReceipt(string MessageId, string BookId, int WordCount, bool Approved);

/// <summary>A family's profile as the support portal holds it (a class, no ToString).</summary>
public sealed class FamilyProfile
{
    public required string KinId { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public int CasesOpen { get; init; }

    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];
}

/// <summary>The bereavement case store (the record of each case), not telemetry.</summary>
public interface IBereavementCaseStore
{
    Task<Deceased?> FindDeceasedAsync(string deceasedId, CancellationToken cancellationToken = default);

    Task<NextOfKin?> FindKinAsync(string deceasedId, CancellationToken cancellationToken = default);

    Task SaveAsync(string caseId, object record, CancellationToken cancellationToken = default);
}

/// <summary>The Tell Us Once and register office gateway, not telemetry.</summary>
public interface IRegisterOfficeGateway
{
    Task<DeathRegistration?> LookUpAsync(string tellUsOnceReference, CancellationToken cancellationToken = default);

    Task<CertificateOrder> OrderCopiesAsync(string certificateNumber, int copies, CancellationToken cancellationToken = default);
}

/// <summary>The probate registry and the executors' register, not telemetry.</summary>
public interface IProbateRegistry
{
    Task<bool> GrantExistsAsync(string deceasedName, DateOnly dateOfDeath, CancellationToken cancellationToken = default);

    Task<Executor?> ExecutorAsync(string caseId, CancellationToken cancellationToken = default);
}

/// <summary>No such deceased person on file; quotes their id.</summary>
public sealed class DeceasedNotFoundException(string deceasedId) : Exception($"No deceased record {deceasedId}");

/// <summary>The next of kin could not be reached; quotes the phone tried.</summary>
public sealed class KinUnreachableException(string phone) : Exception($"Next of kin on {phone} did not answer");

/// <summary>A registration that does not match the case; quotes the Tell Us Once reference.</summary>
public sealed class RegistrationMismatchException(string reference) : Exception($"Tell Us Once reference {reference} does not match the case");

/// <summary>An executor whose identity could not be verified; quotes their name.</summary>
public sealed class ExecutorNotVerifiedException(string executorName) : Exception($"Executor {executorName} could not be verified");

/// <summary>An estate above the small estate threshold; quotes the case and the threshold.</summary>
public sealed class ProbateRequiredException(string caseId, decimal threshold) : Exception($"Case {caseId} exceeds {threshold} and needs a grant of probate");

/// <summary>The register office did not answer; quotes the district and the status code.</summary>
public sealed class RegisterOfficeUnavailableException(string district, int statusCode) : Exception($"Register office {district} answered {statusCode}");

/// <summary>A certificate order refused; quotes the order and a reason code.</summary>
public sealed class CertificateOrderRejectedException(string orderId, string reason) : Exception($"Order {orderId} rejected: {reason}");
