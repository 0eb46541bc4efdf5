namespace PrivacyHoldout174.Media;

/// <summary>Checks the licence concession of care home residents in batches sent by the homes.</summary>
public sealed class ConcessionCheckWorker(ILogger<ConcessionCheckWorker> logger, IQueueReceiver<IReadOnlyList<ConcessionCheck>> batches, Pseudonymizer pseudonymizer, Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.Concessions");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = await batches.ReceiveAsync(stoppingToken);
            if (batch is null)
            {
                continue;
            }
            using var span = Source.StartCarestoriesOperation("licensing");
            span.SetCarestoriesItemCount(batch.Count); // clean generated-api
            var ineligible = batch.Where(c => !c.Eligible).Select(c => c.LicenceNumber).ToList();
            span.SetCarestoriesNote(string.Join(";", ineligible)); // leak TC1001 generated-api
            span.SetCarestoriesNote($"{ineligible.Count} of {batch.Count} ineligible"); // clean generated-api
            logger.LogInformation("Ineligible licences {Licences}", ineligible); // leak TC1001 logging-objects
            logger.LogInformation("Batch from care home {CareHome}: {Eligible} eligible", batch[0].CareHomeId, batch.Count(c => c.Eligible)); // clean precision-about

            var holders = batch.ToDictionary(c => c.HolderName, c => c.Eligible);
            logger.LogDebug("Holders {Holders}", holders); // leak TC1001 logging-objects
            Activity.Current?.SetTag("concession.last_licence", batch[^1].LicenceNumber); // leak TC1001 direct
            Activity.Current?.SetTag("concession.licence_prefix", batch[^1].LicenceNumber[..2]); // clean precision-about
            CarestoriesOperationsCounter.For(meter).Add(batch.Count, carestoriesChannel: "licensing", carestoriesOutcome: "checked"); // clean generated-api
            logger.LogCarestoriesOperationFailedEvent(carestoriesChannel: "licensing", carestoriesOutcome: "ineligible", carestoriesClientId: pseudonymizer.PseudonymizeCarestoriesClientId(batch[0].LicenceNumber)); // clean precision-pseudonym
        }
    }

    public void Reject(ConcessionCheck check, string reasonCode)
    {
        var activity = Activity.Current;
        activity?.SetTag("concession.reason", reasonCode); // clean precision-about
        activity?.SetTag("concession.care_home", check.CareHomeId); // clean precision-about
        activity?.SetTag("concession.holder", check.HolderName); // leak TC1001 direct
        logger.LogWarning("Rejected {Check}", check); // leak TC1001 logging-objects
        logger.LogWarning("Rejected concession at care home {CareHome} with {Reason}", check.CareHomeId, reasonCode); // clean precision-about
        var error = new PackageSuspendedException(check.CareHomeId, reasonCode);
        activity?.AddException(error); // clean exceptions
        var letter = $"Dear {check.HolderName}, your concession was not approved ({reasonCode}).";
        activity?.SetTag("concession.letter_length", letter.Length); // clean precision-about
        activity?.AddEvent(new ActivityEvent("concession.letter", tags: new ActivityTagsCollection { ["body"] = letter })); // leak TC1001 strings
        var weak = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(check.LicenceNumber)));
        logger.LogInformation("Licence ref {Ref}", weak); // leak TC1002 hashes
    }
}
