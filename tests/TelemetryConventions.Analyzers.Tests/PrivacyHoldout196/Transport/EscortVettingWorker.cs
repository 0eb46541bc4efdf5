namespace PrivacyHoldout196.Transport;

/// <summary>A passenger assistant (escort) and the members of their household, checked before they travel with children.</summary>
public sealed record EscortVettingRequest(string EscortId, string EscortName, string DbsCertificateNumber, DateOnly DateOfBirth, string Postcode, HouseholdMember[] Household);

/// <summary>Checks escorts and their household members with the DBS update service before contact journeys.</summary>
public sealed partial class EscortVettingWorker(
    IQueueReceiver<EscortVettingRequest> queue,
    IDbsGateway dbs,
    ActivitySource source,
    Meter meter,
    FosteringOptions options,
    ILogger<EscortVettingWorker> logger) : BackgroundService
{
    private readonly Counter<long> _checks = meter.CreateCounter<long>("escort.dbs.checks");
    private readonly List<string> _failedCertificates = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }

            using var activity = source.StartActivity("escort.vet");
            activity?.SetTag("escort.household.size", request.Household.Length); // clean precision-about
            activity?.SetTag("escort.agency", options.AgencyCode); // clean precision-names
            activity?.SetTag("escort.id", request.EscortId); // leak TC1001 direct
            activity?.SetTag("escort.dbs.certificate", request.DbsCertificateNumber); // leak TC1001 direct
            activity?.SetTag("escort.household.relationships", string.Join(",", request.Household.Select(m => m.Relationship))); // clean strings
            activity?.SetTag("escort.household.names", string.Join(",", request.Household.Select(m => m.FullName))); // leak TC1001 strings

            foreach (var member in request.Household)
            {
                try
                {
                    var status = await dbs.CheckAsync(member.DbsCertificateNumber, member.FullName, member.DateOfBirth, stoppingToken);
                    _checks.Add(1, new KeyValuePair<string, object?>("status", status)); // clean precision-about
                    _checks.Add(1, new KeyValuePair<string, object?>("relationship", member.Relationship)); // clean precision-about
                    logger.LogInformation("Household member checked {Member}", member); // leak TC1001 logging-objects
                    MemberChecked(logger, member.MemberId, member.FullName); // clean logging-objects
                }
                catch (DbsCheckFailedException ex)
                {
                    _failedCertificates.Add(member.DbsCertificateNumber);
                    activity?.AddException(ex); // leak TC1001 exceptions
                    activity?.SetStatus(ActivityStatusCode.Error, "household member did not clear"); // clean exceptions
                    logger.LogError(ex, "Household check failed for escort"); // leak TC1001 exceptions
                }
                catch (DbsServiceUnavailableException ex)
                {
                    activity?.AddException(ex); // clean exceptions
                    logger.LogWarning("DBS update service down: {Message}", ex.Message); // clean exceptions
                    _checks.Add(1, new KeyValuePair<string, object?>("status_code", ex.StatusCode)); // clean exceptions
                }
            }
        }
    }

    public void Summarise()
    {
        logger.LogWarning("Certificates that failed: {Certificates}", string.Join(", ", _failedCertificates)); // leak TC1001 cross-member
        logger.LogWarning("Certificates that failed: {Count}", _failedCertificates.Count); // clean cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} ({FullName}) cleared")]
    private static partial void MemberChecked(ILogger logger, string memberId, [PrivateData] string fullName);
}
