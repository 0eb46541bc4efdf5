namespace PrivacyHoldout170.Education;

/// <summary>Runs the safeguarding checks (enhanced DBS with barred list, right to work) before a supply teacher starts.</summary>
public sealed partial class SafeguardingCheckHandler(
    IDbsUpdateService dbs,
    IHomeOfficeService homeOffice,
    ILogger<SafeguardingCheckHandler> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Trust.Safeguarding");

    public async Task<bool> HandleAsync(SupplyBooking booking, DbsCheckRequest dbsRequest, ShareCodeCheck shareCode, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("safeguarding.check");
        activity?.SetTag("school.urn", booking.SchoolUrn); // clean precision-names
        activity?.SetTag("candidate.id", pseudonymizer.PseudonymizeSupplyhireCandidateId(booking.CandidateId)); // clean precision-pseudonym
        activity?.SetTag("candidate.bucket", booking.CandidateId.GetHashCode() % 32); // leak TC1002 hashes
        activity?.SetTag("candidate.lane", Lane(booking.CandidateId)); // clean hashes
        activity?.SetTag("dbs.subject", Describe(dbsRequest)); // leak TC1001 cross-member
        activity?.SetTag("dbs.workforce_label", WorkforceLabel(dbsRequest)); // clean cross-member
        LogCheckStarted(logger, dbsRequest.CertificateNumber, dbsRequest.Workforce); // leak TC1001 direct
        try
        {
            var status = await dbs.CheckAsync(dbsRequest.CertificateNumber, dbsRequest.Surname, dbsRequest.DateOfBirth, cancellationToken);
            activity?.SetTag("dbs.status", status.StatusCode); // clean precision-about
            activity?.SetTag("dbs.is_current", status.IsCurrent); // clean precision-about
        }
        catch (BarredListMatchException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogError("Barred list match: {Type}", ex.GetType().Name); // clean exceptions
            return false;
        }

        var age = DateTime.UtcNow.Year - dbsRequest.DateOfBirth.Year;
        activity?.SetTag("candidate.age", age); // clean precision-about
        activity?.SetTag("candidate.dob", dbsRequest.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct

        try
        {
            var outcome = await homeOffice.VerifyAsync(shareCode.ShareCode, shareCode.DateOfBirth, cancellationToken);
            activity?.SetTag("rtw.check_reference", outcome.CheckReference); // clean precision-names
            activity?.SetTag("rtw.route", shareCode.ShareCode[..1]); // clean precision-about
            logger.LogInformation("Right to work {Outcome} until {Expires}", outcome.Outcome, outcome.PermissionExpires); // clean precision-about
        }
        catch (ShareCodeRejectedException ex)
        {
            logger.LogWarning(ex, "Share code rejected for booking {BookingId}", booking.BookingId); // leak TC1001 exceptions
            return false;
        }
        catch (HomeOfficeUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            return false;
        }
        return true;
    }

    private string Lane(string candidateId) =>
        (BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(candidateId)), 0) % 8).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checking certificate {CertificateNumber} on workforce {Workforce}")]
    private static partial void LogCheckStarted(ILogger logger, string certificateNumber, string workforce);

    private static string Describe(DbsCheckRequest request) => $"{request.Surname}, born {request.DateOfBirth:yyyy-MM-dd}";

    private static string WorkforceLabel(DbsCheckRequest request) => request.Workforce.ToUpperInvariant();
}
