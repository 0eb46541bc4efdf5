namespace PrivacyHoldout151.Media;

/// <summary>Renews free licences every three years: re-checks Pension Credit and writes to those who lost it.</summary>
public sealed class ConcessionRenewalWorker(
    IQueueReceiver<ConcessionApplication> renewals,
    IBenefitsGateway benefits,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<ConcessionRenewalWorker> logger) : BackgroundService
{
    private readonly Counter<long> _renewed = meter.CreateCounter<long>("concession.renewals");
    private readonly List<string> _lapsedLicences = new();
    private string _region = "uk";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await renewals.ReceiveAsync(stoppingToken) is { } renewal)
        {
            using var span = source.StartTvlicenceOperation(_region);
            span.SetTvlicenceApplicationCount(_lapsedLicences.Count); // clean precision-about
            try
            {
                var claimant = await benefits.FindAsync(renewal.Nino, stoppingToken) ?? throw new ClaimantNotFoundException(renewal.Nino);
                span.SetTvlicenceHolderId(pseudonymizer.PseudonymizeTvlicenceHolderId(renewal.LicenceNumber)); // clean precision-pseudonym
                Activity.Current?.SetTag("renewal.jobcentre", claimant.Jobcentre); // clean precision-about
                Activity.Current?.SetTag("renewal.claim", new StringBuilder("UC/").Append(claimant.ClaimReference).ToString()); // leak TC1001 strings
                _renewed.Add(1, new KeyValuePair<string, object?>("region", _region)); // clean precision-about
            }
            catch (ClaimantNotFoundException ex)
            {
                _lapsedLicences.Add(renewal.LicenceNumber);
                Activity.Current?.AddEvent(new ActivityEvent("renewal.lapsed", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                Activity.Current?.AddEvent(new ActivityEvent("renewal.lapsed", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
                logger.LogInformation(ex, "Concession lapsed"); // leak TC1001 exceptions
                span.SetTvlicenceOutcome("lapsed"); // clean generated-api
            }
            catch (BenefitSystemUnavailableException ex)
            {
                logger.LogError(ex, "Benefits check unavailable, renewal {ApplicationId} requeued", renewal.ApplicationId); // clean exceptions
                span.RecordException(ex, includeMessage: true); // clean exceptions
            }
        }
    }

    public void Summarise(string region)
    {
        _region = region;
        logger.LogInformation("Lapsed licences this run: {Licences}", _lapsedLicences); // leak TC1001 cross-member
        Activity.Current?.SetTag("renewal.lapsed.count", _lapsedLicences.Count); // clean precision-about
        Activity.Current?.SetTag("renewal.lapsed.first", _lapsedLicences.FirstOrDefault()); // leak TC1001 cross-member
    }
}
