namespace PrivacyHoldout146.Healthcare;

/// <summary>Releases the deceased to their funeral directors and reports the mortuary's waits.</summary>
public sealed class MortuaryReleaseWorker(
    IMortuaryRegister mortuary,
    IBereavementCases cases,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    LifeEventsOptions options,
    ILogger<MortuaryReleaseWorker> logger) : BackgroundService
{
    private static readonly Histogram<double> ReleaseHours = new Meter("Trust.Mortuary").CreateHistogram<double>("mortuary.release.hours");
    private static readonly Counter<long> Releases = new Meter("Trust.Mortuary").CreateCounter<long>("mortuary.releases");

    private string? _longestWaitingHospitalNumber;
    private readonly List<string> _refusedReleases = new();
    private int _refusedCount;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var waiting = await mortuary.AwaitingReleaseAsync(options.Site, stoppingToken);
            using var round = source.StartBereavementOperation(options.Site);
            round.SetBereavementStage("release").SetBereavementCaseCount(waiting.Count); // clean generated-api
            _longestWaitingHospitalNumber = waiting.FirstOrDefault();
            foreach (var hospitalNumber in waiting)
            {
                await ReleaseOneAsync(hospitalNumber, stoppingToken);
            }

            ReportRound();
            await Task.Delay(TimeSpan.FromMinutes(15), stoppingToken);
        }
    }

    private async Task ReleaseOneAsync(string hospitalNumber, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["HospitalNumber"] = hospitalNumber }); // leak TC1001 direct
        Activity.Current?.SetBaggage("bereavement.patient", pseudonymizer.ComputeBereavementPatientId(hospitalNumber)); // clean precision-pseudonym
        var lane = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(hospitalNumber)))[..4]; // clean hashes
        Activity.Current?.SetTag("mortuary.lane", lane); // clean hashes
        var sample = SHA256.HashData(Encoding.UTF8.GetBytes(hospitalNumber))[0] % 10; // unkeyed, but only a tenth
        Activity.Current?.SetTag("mortuary.sample.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))[..12]); // leak TC1002 hashes
        try
        {
            var deceased = await cases.GetDeceasedAsync(hospitalNumber, cancellationToken);
            var firm = await mortuary.FirmAsync("FD-" + deceased.Ward, cancellationToken);
            var release = await mortuary.ReleaseAsync(hospitalNumber, firm, cancellationToken);
            logger.LogInformation("Released to {@Firm}", firm); // clean logging-objects
            logger.LogInformation("Release recorded {Release}", release); // leak TC1001 logging-objects
            Activity.Current?.SetTag("mortuary.release_id", release.ReleaseId); // clean precision-names
            Activity.Current?.SetTag("mortuary.funeral_director", firm.FirmName); // clean precision-about
            var hours = (release.ReleasedAt - deceased.DateOfDeath.ToDateTime(TimeOnly.MinValue)).TotalHours;
            ReleaseHours.Record(hours, new KeyValuePair<string, object?>("site", options.Site), new KeyValuePair<string, object?>("town", firm.Town)); // clean precision-about
            Releases.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeBereavementPatientId(hospitalNumber))); // leak TC1003 precision-pseudonym
            meter.CreateBereavementReleaseDurationHistogram().Record(hours * 3600, bereavementSite: options.Site); // clean generated-api
            if (sample == 0)
            {
                logger.LogDebug("Sampled release after {Hours} hours at {Site}", hours, options.Site); // clean precision-about
            }
        }
        catch (ReleaseNotAuthorisedException ex)
        {
            _refusedReleases.Add(hospitalNumber);
            _refusedCount++;
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Release refused for the firm"); // clean exceptions
        }
        catch (MortuaryCapacityException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    private void ReportRound()
    {
        Activity.Current?.SetTag("mortuary.longest_waiting", _longestWaitingHospitalNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("mortuary.refused.count", _refusedCount); // clean cross-member
        logger.LogWarning("Refused releases this round: {Refused}", string.Join(",", _refusedReleases)); // leak TC1001 cross-member
        Activity.Current?.SetTag("mortuary.refused.any", _refusedReleases.Count > 0); // clean cross-member
    }
}
