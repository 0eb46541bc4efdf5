namespace PrivacyHoldout188.Retail;

/// <summary>Hearing checks for colleagues in the distribution centre's noisy zones (chillers, sortation).</summary>
public sealed class HearingSurveillanceService(ISurveillanceRecords records, Pseudonymizer pseudonymizer, ILogger<HearingSurveillanceService> logger, OccHealthOptions options)
{
    private static readonly ActivitySource Source = new("Retail.Dc.Hearing");

    private string _lastBooth = string.Empty;
    private Employee? _lastColleague;

    public async Task RecordAsync(AudiometryResult result, Employee colleague, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("dc.hearing.record");
        _lastBooth = result.BoothId;
        _lastColleague = colleague;
        activity?.SetTag("dc.booth", result.BoothId); // clean precision-names
        activity?.SetTag("dc.hearing_category", result.Category); // clean precision-about
        activity?.SetTag("dc.colleague_email", colleague.WorkEmail); // leak TC1001 direct
        activity?.SetTag("dc.colleague", pseudonymizer.PseudonymizeStorewellClientId(colleague.EmployeeNumber)); // clean precision-pseudonym
        activity?.SetTag("dc.colleague_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(colleague.EmployeeNumber)))[..12]); // leak TC1002 hashes
        activity?.SetTag("dc.bucket", HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(colleague.EmployeeNumber))[1] % 10); // clean hashes
        try
        {
            await records.SaveAudiometryAsync(result, cancellationToken);
        }
        catch (SurveillanceDeviceOfflineException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Booth {Booth} offline", result.BoothId); // clean exceptions
        }
    }

    public void Report()
    {
        Activity.Current?.SetTag("dc.last_booth", _lastBooth); // clean cross-member
        Activity.Current?.SetTag("dc.last_colleague", _lastColleague?.FullName); // leak TC1001 cross-member
        Activity.Current?.SetTag("dc.last_department", _lastColleague?.DepartmentCode); // clean cross-member
        logger.LogInformation("Last colleague tested {Colleague}", _lastColleague); // leak TC1001 cross-member
        logger.LogInformation("Last colleague tested: {Summary}", $"{_lastColleague?.FullName} at booth {_lastBooth}"); // leak TC1001 strings
        logger.LogInformation("Last test: {Summary}", $"booth {_lastBooth}, department {_lastColleague?.DepartmentCode}"); // clean strings
    }
}
