using OpenTelemetry.Trace;

namespace PrivacyHoldout172.Education;

/// <summary>
/// Nightly: files the trust's response bundles for SEND appeals through the tribunal's e-filing portal and reports
/// what was filed. Bundles wait in the filing queue as submissions prepared by the trust's solicitors.
/// </summary>
public sealed class TribunalBundleFilingWorker(
    IQueueReceiver<FilingSubmission> filings,
    IEfilingPortal portal,
    ILogger<TribunalBundleFilingWorker> logger,
    LegalOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("SchoolTrust.Legal.Filing");
    private static readonly Meter Meter = new("SchoolTrust.Legal.Filing");
    private static readonly Counter<long> Filed = Meter.CreateCounter<long>("schooltrust.legal.bundles_filed");
    private static readonly UpDownCounter<int> Pending = Meter.CreateUpDownCounter<int>("schooltrust.legal.bundles_pending");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var filedToday = new List<string>();
        while (await filings.ReceiveAsync(stoppingToken) is { } submission)
        {
            using var activity = Source.StartActivity("FileResponseBundle");
            activity?.SetTag("tribunal.submission_id", submission.SubmissionId); // clean precision-names
            activity?.SetTag("tribunal.case_number", submission.CaseNumber); // clean direct
            activity?.SetTag("tribunal.bundle.documents", submission.DocumentCount); // clean precision-about
            Pending.Add(-1, new KeyValuePair<string, object?>("tribunal", submission.Court)); // clean precision-about

            var appellant = Appellant(submission);
            activity?.SetTag("tribunal.appellant", appellant); // leak TC1001 cross-member

            try
            {
                var receipt = await portal.SubmitAsync(submission, stoppingToken);
                Filed.Add(1, new KeyValuePair<string, object?>("status", receipt.Status)); // clean precision-about
                logger.LogInformation("Bundle {SubmissionId} filed, fee {Fee}", receipt.SubmissionId, receipt.FeePaid); // clean direct
                filedToday.Add(submission.ClaimantName);
            }
            catch (EfilingPortalException ex) when (ex.Status >= 500)
            {
                activity?.RecordException(ex); // clean exceptions
                logger.LogWarning(ex, "Portal down while filing {CaseNumber}", submission.CaseNumber); // clean exceptions
            }
            catch (PartyNameMismatchException ex)
            {
                activity?.AddEvent(new ActivityEvent("bundle.rejected", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            }

            logger.LogDebug("Filing for {Submission}", submission); // leak TC1001 logging-objects
        }

        logger.LogInformation("Filed {Count} bundles tonight", filedToday.Count); // clean precision-about
        logger.LogInformation("Filed tonight for {Appellants}", filedToday); // leak TC1001 logging-objects
        logger.LogInformation("Appellants tonight: " + string.Join("; ", filedToday)); // leak TC1001 strings
        logger.LogInformation("Limitation warnings fire {Days} days ahead", options.LimitationWarningDays); // clean precision-about
    }

    private static string Appellant(FilingSubmission submission) => submission.ClaimantName.Trim();
}
