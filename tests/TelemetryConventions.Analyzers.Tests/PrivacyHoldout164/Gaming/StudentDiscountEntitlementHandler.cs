namespace PrivacyHoldout164.Gaming;

public sealed record StudentVerification(string VerificationId, Guid PlayerId, string FullName, DateOnly DateOfBirth, string InstitutionName, DateOnly GraduationDate);

public interface IStudentVerifier
{
    Task<StudentVerification?> VerifyAsync(Guid playerId, string universityEmail, CancellationToken cancellationToken = default);
}

/// <summary>The publisher's store grants a student discount to players whose student status a verification provider confirms.</summary>
public sealed partial class StudentDiscountEntitlementHandler(
    IStudentVerifier verifier,
    Pseudonymizer pseudonymizer,
    ILogger<StudentDiscountEntitlementHandler> logger)
{
    private static readonly ActivitySource Source = new("Publisher.Store.StudentDiscount");
    private static readonly Meter Meter = new("Publisher.Store.StudentDiscount");
    private readonly UniesportsRequestsCounter _requests = Meter.CreateUniesportsRequestsCounter();

    public async Task<bool> GrantAsync(Guid playerId, string universityEmail, CancellationToken cancellationToken)
    {
        using var span = Source.StartUniesportsOperation("store");
        span.SetUniesportsStudentId(pseudonymizer.PseudonymizeUniesportsStudentId(playerId.ToString())); // clean generated-api
        using var scope = logger.BeginScope("Discount for {PlayerId}", playerId); // leak TC1001 direct

        StudentVerification? verification;
        try
        {
            verification = await verifier.VerifyAsync(playerId, universityEmail, cancellationToken);
        }
        catch (System.Net.Http.HttpRequestException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogError(ex, "Verifier unreachable"); // clean exceptions
            return false;
        }

        if (verification is null)
        {
            LogNotAStudent(logger, universityEmail); // clean direct
            _requests.Add(1, "store", "not-a-student"); // clean generated-api
            return false;
        }

        Activity.Current?.SetTag("discount.verification_id", verification.VerificationId); // clean precision-names
        Activity.Current?.SetTag("discount.institution", verification.InstitutionName); // clean precision-about
        Activity.Current?.SetTag("discount.graduates", verification.GraduationDate.Year); // clean precision-about
        Activity.Current?.SetTag("discount.holder", verification.FullName); // leak TC1001 direct
        Activity.Current?.SetTag("discount.dob", verification.DateOfBirth.ToString("O", CultureInfo.InvariantCulture)); // leak TC1001 direct
        logger.LogInformation("Verified {Verification}", verification); // leak TC1001 logging-objects
        var entitlement = new { verification.VerificationId, verification.InstitutionName, Until = verification.GraduationDate };
        logger.LogInformation("Entitlement {@Entitlement}", entitlement); // clean logging-objects
        var hashedPlayer = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(playerId.ToString())));
        Activity.Current?.SetTag("discount.player_ref", hashedPlayer.ToString()); // leak TC1002 hashes
        _requests.Add(1, "store", "granted"); // clean generated-api
        return true;
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "No student status for {Email}")]
    private static partial void LogNotAStudent(ILogger logger, [PrivateData] string email);
}
