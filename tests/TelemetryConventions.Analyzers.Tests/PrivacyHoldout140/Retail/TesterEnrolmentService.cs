namespace PrivacyHoldout140.Retail;

/// <summary>A club member's application to a testing programme.</summary>
public sealed record TesterApplication(
    string Programme, string TesterId, string LoyaltyCardNumber, string Name, string Email, string SkinType, int Age,
    string Postcode, string? KnownAllergies, bool ConsentsToPatchTest);

/// <summary>
/// Enrols club members in a product testing programme: screens them on skin type, age and known allergies,
/// records their consent to a patch test and allocates each to a formula variant.
/// </summary>
public sealed partial class TesterEnrolmentService(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TesterEnrolmentService> logger)
{
    private readonly Dictionary<string, int> _openTrials = new(StringComparer.Ordinal);
    private readonly Counter<long> _enrolments = meter.CreateCounter<long>("testerclub.enrolments", "{tester}");
    private int _allocations;

    public TesterKit? Enrol(TesterApplication application, string sku, string batch)
    {
        using var span = source.StartTesterclubOperation(application.Programme);
        span.SetTesterclubSku(sku); // clean precision-names
        span.SetTesterclubTesterId(pseudonymizer.PseudonymizeTesterclubTesterId(application.TesterId)); // clean precision-pseudonym
        span.Activity?.SetTag("testerclub.skin_type", application.SkinType); // clean precision-about
        span.Activity?.SetTag("testerclub.age_band", application.Age < 30 ? "18-29" : application.Age < 50 ? "30-49" : "50+"); // clean precision-about

        try
        {
            if (_openTrials.GetValueOrDefault(application.TesterId) >= 3)
            {
                throw new TesterOverCommittedException(application.TesterId);
            }

            if (batch.EndsWith("-H", StringComparison.Ordinal))
            {
                throw new BatchOnHoldException(sku, batch);
            }
        }
        catch (TesterOverCommittedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return null;
        }
        catch (BatchOnHoldException ex)
        {
            logger.LogWarning(ex, "Enrolment paused"); // clean exceptions
            span.SetTesterclubOutcome("batch-on-hold");
            return null;
        }

        if (application.KnownAllergies is { Length: > 0 } allergies)
        {
            span.Activity?.SetTag("testerclub.allergies.declared", true); // clean precision-about
            LogAllergies(logger, application.TesterId, allergies); // clean logging-objects
            logger.LogInformation("Allergies declared: {Allergies}", allergies); // leak TC1001 direct
        }

        if (!application.ConsentsToPatchTest)
        {
            logger.LogInformation("No patch-test consent from card {Card}", application.LoyaltyCardNumber); // leak TC1001 direct
            return null;
        }

        _openTrials[application.TesterId] = _openTrials.GetValueOrDefault(application.TesterId) + 1;
        var variant = Interlocked.Increment(ref _allocations) % 2 == 0 ? "A" : "B";
        span.SetTesterclubVariant(variant); // clean precision-about
        var kit = new TesterKit($"KIT-{Guid.NewGuid():N}"[..12], sku, batch, variant);
        logger.LogInformation("Kit allocated {@Kit}", kit); // clean logging-objects
        logger.LogInformation("Tester {@Tester} enrolled", new ProductTester(application.TesterId, application.LoyaltyCardNumber, application.Name, application.Email, application.SkinType, application.Postcode)); // leak TC1001 logging-objects
        _enrolments.Add(1, new("programme", application.Programme), new("variant", variant)); // clean precision-about
        _enrolments.Add(1, new KeyValuePair<string, object?>("tester", application.TesterId)); // leak TC1003 direct
        return kit;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tester {TesterId} declared allergies: {Allergies}")]
    private static partial void LogAllergies(ILogger logger, [PrivateData] string testerId, [PrivateData] string allergies);
}
