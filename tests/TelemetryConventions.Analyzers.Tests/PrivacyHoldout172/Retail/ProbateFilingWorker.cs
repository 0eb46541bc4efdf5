using OpenTelemetry.Trace;

namespace PrivacyHoldout172.Retail;

/// <summary>
/// Files probate applications prepared by the legal services arm through the probate registry's e-filing portal,
/// and raises the matter's invoice once the grant is applied for.
/// </summary>
public sealed class ProbateFilingWorker(
    IQueueReceiver<FilingSubmission> queue,
    IEfilingPortal portal,
    ILogger<ProbateFilingWorker> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retailer.Legal.Probate");
    private static readonly Meter Meter = new("Retailer.Legal.Probate");
    private static readonly Counter<long> Filed = Meter.CreateCounter<long>("retailer.legal.probate_filed");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.ReceiveAsync(stoppingToken) is { } submission)
        {
            using var activity = Source.StartActivity("FileProbate");
            activity?.SetTag("probate.submission_id", submission.SubmissionId); // clean direct
            activity?.SetTag("probate.registry", submission.Court); // clean precision-about
            activity?.SetTag("probate.applicant", pseudonymizer.PseudonymizeShoplegalClientId(submission.ClaimantName).Value); // clean precision-pseudonym
            activity?.SetTag("probate.deceased", submission.DefendantName); // leak TC1001 direct
            activity?.SetTag("probate.address", submission.DefendantAddress); // leak TC1001 direct
            activity?.SetTag("probate.address.outward", submission.DefendantAddress.Split(',').Last().Trim().Split(' ')[0]); // clean precision-about

            var applicantHash = submission.ClaimantName.ToUpperInvariant().GetHashCode();
            activity?.SetTag("probate.applicant_hash", applicantHash); // leak TC1002 hashes
            Filed.Add(1, new KeyValuePair<string, object?>("registry", submission.Court)); // clean precision-about

            try
            {
                var receipt = await portal.SubmitAsync(submission, stoppingToken);
                logger.LogInformation("Probate {SubmissionId} filed: {Status}", receipt.SubmissionId, receipt.Status); // clean direct
                logger.LogInformation("Probate filed for the estate of {Deceased}", submission.DefendantName); // leak TC1001 direct
            }
            catch (EfilingPortalException ex)
            {
                activity?.RecordException(ex); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            }
            catch (PartyNameMismatchException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Probate {SubmissionId} rejected: {Error}", submission.SubmissionId, ex.GetType().Name); // clean exceptions
            }

            var summary = $"{submission.SubmissionId}|{submission.DocumentCount}|{submission.Court}";
            logger.LogDebug("Filed {Summary}", summary); // clean strings
            var label = string.Concat(submission.SubmissionId, "|", submission.ClaimantName);
            logger.LogDebug("Filed {Label}", label); // leak TC1001 strings
        }
    }
}
