namespace PrivacyHoldout163.Transport;

/// <summary>Issues full licences after a pass: looks the holder up, prints the card, endorses penalties.</summary>
public sealed class LicenceIssueWorker(
    IQueueReceiver<PracticalResult> passes,
    ILicenceRegistry registry,
    ILicencePrinter printer,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<LicenceIssueWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Driving.Licensing.Issue");
    private static readonly Counter<long> Cards = new Meter("Driving.Licensing.Issue").CreateCounter<long>("licence.cards.printed");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pass = await passes.ReceiveAsync(stoppingToken);
            if (pass is null || !pass.Passed)
            {
                continue;
            }

            using var activity = Source.StartActivity("licence.issue");
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["LicenceNumber"] = pass.LicenceNumber }); // leak TC1001 direct
            using var bookingScope = logger.BeginScope("Booking {BookingReference}", pass.BookingReference); // clean precision-names
            try
            {
                var holder = await registry.FindAsync(pass.LicenceNumber, stoppingToken) ?? throw new LicenceNotFoundException(pass.LicenceNumber);
                activity?.SetTag("licence.holder.postcode", holder.Postcode); // leak TC1001 direct
                activity?.SetTag("licence.holder.postcode_district", holder.Postcode.Split(' ')[0]); // clean precision-about
                activity?.SetTag("licence.holder.age", DateTime.UtcNow.Year - holder.DateOfBirth.Year); // clean precision-about
                activity?.SetTag("licence.holder.surname_code", pass.LicenceNumber[..5]); // leak TC1001 strings
                activity?.SetTag("licence.number.length", pass.LicenceNumber.Length); // clean precision-about
                Activity.Current?.SetBaggage("licence.holder", holder.NiNumber); // leak TC1001 direct
                Activity.Current?.SetBaggage("licence.holder", pseudonymizer.ComputeDrivertestCandidateId(holder.LicenceNumber)); // clean precision-pseudonym

                var card = new LicenceCard(holder.LicenceNumber, holder.FullName, holder.Postcode, $"photo-{pass.BookingReference}", "B");
                var job = await printer.PrintAsync(card, stoppingToken);
                logger.LogInformation("Card job {Job} queued", job); // clean precision-names
                logger.LogDebug("Card {Card}", card); // leak TC1001 logging-objects
                Cards.Add(1, new KeyValuePair<string, object?>("category", card.Categories)); // clean precision-about
                Cards.Add(1, new KeyValuePair<string, object?>("holder.dob", holder.DateOfBirth.ToString("yyyy-MM-dd"))); // leak TC1003 direct

                var endorsements = await registry.EndorsementsAsync(pass.LicenceNumber, stoppingToken);
                logger.LogInformation("Endorsements carried over: {Count}, points {Points}", endorsements.Count, endorsements.Sum(e => e.Points)); // clean precision-about
                logger.LogInformation("Endorsements {Endorsements}", endorsements); // leak TC1001 logging-objects
                logger.LogInformation("Offence codes {Codes}", string.Join(",", endorsements.Select(e => e.OffenceCode))); // clean precision-about
                activity?.SetTag("licence.label", Label(holder)); // leak TC1001 strings
                activity?.SetTag("licence.summary", Describe(endorsements.Count)); // clean strings
                meter.CreateDrivertestResultsCounter().Add(1, "issue", drivertestOutcome: holder.Email); // leak TC1003 generated-api
            }
            catch (LicenceNotFoundException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogDrivertestOperationFailedEvent("issue", "not-found", drivertestNote: ex.GetType().Name); // clean exceptions
            }
            catch (RegistryUnavailableException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogError(ex, "Register unavailable for {Booking}", pass.BookingReference); // clean exceptions
            }
        }
    }

    private static string Label(LicenceHolder holder) => $"{holder.FullName} ({holder.DateOfBirth:yyyy})";

    private static string Describe(int endorsements) => endorsements == 0 ? "clean licence" : $"{endorsements} endorsements";
}
